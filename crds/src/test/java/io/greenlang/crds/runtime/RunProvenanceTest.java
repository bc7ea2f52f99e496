package io.greenlang.crds.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The root hash chain against vectors computed with coreutils: {@code printf '%s' "$h:$p" |
 * sha256sum}.
 */
class RunProvenanceTest {
  /** SHA-256 of the empty string. */
  private static final String EMPTY =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** SHA-256 of "intake" and of "report", standing in for two steps' provenance hashes. */
  private static final String INTAKE =
      "4736bc313525a831796b50cd96372e4144ff3f53466f535349e476230e730c17";

  private static final String REPORT =
      "845e91831319e89c4d656bdb80c278ac09a7230d61e5dfd2e1b1fbb436ac8917";

  @Test
  void aRunWithoutSucceededStepsHasTheHashOfTheEmptyString() {
    assertThat(RunProvenance.rootHash(List.of())).isEqualTo(EMPTY);
  }

  @Test
  void chainsEachStepOntoThePreviousHashInPipelineOrder() {
    assertThat(RunProvenance.rootHash(List.of(INTAKE)))
        .isEqualTo("cdf8b01a25ede099b89f1236b386e63c81fa5dda126a9b3a30628df5d7724a04");
    assertThat(RunProvenance.rootHash(List.of(INTAKE, REPORT)))
        .isEqualTo("d1e9b4d145bea5c8af4def9b60c03773fed0a214847e56e68567064dfb3e0aff");
  }

  @Test
  void orderMatters() {
    assertThat(RunProvenance.rootHash(List.of(REPORT, INTAKE)))
        .isNotEqualTo(RunProvenance.rootHash(List.of(INTAKE, REPORT)));
  }

  @Test
  void refusesAStepWithoutHash() {
    assertThatThrownBy(() -> RunProvenance.rootHash(Arrays.asList(INTAKE, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
