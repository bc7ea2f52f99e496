package io.greenlang.crds.validation;

import static io.greenlang.crds.validation.CrdSchemaValidatorTest.messages;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import org.junit.jupiter.api.Test;

/** Kubernetes string formats are parsed, checked and typed the Kubernetes way. */
class KubernetesFormatsTest {

  @Test
  void parsesGoDurations() {
    assertThat(KubernetesFormats.parseGoDuration("500ms"))
        .contains(Duration.newBuilder().setNanos(500_000_000).build());
    assertThat(KubernetesFormats.parseGoDuration("1.5h"))
        .contains(Duration.newBuilder().setSeconds(5400).build());
    assertThat(KubernetesFormats.parseGoDuration("-2m3s"))
        .contains(Duration.newBuilder().setSeconds(-123).build());
    assertThat(KubernetesFormats.parseGoDuration("0")).contains(Duration.getDefaultInstance());
    assertThat(KubernetesFormats.parseGoDuration("PT5M")).isEmpty();
    assertThat(KubernetesFormats.parseGoDuration("5 minutes")).isEmpty();
    assertThat(KubernetesFormats.parseGoDuration("")).isEmpty();
  }

  @Test
  void parsesBase64Bytes() {
    assertThat(KubernetesFormats.parse("aGk=", "byte")).contains(ByteString.copyFromUtf8("hi"));
    assertThat(KubernetesFormats.parse("not base64!", "byte")).isEmpty();
  }

  @Test
  void malformedDurationIsAViolationAndItsRuleDoesNotRun() {
    String manifest = Fixtures.VALID_REGION.replace("probeInterval: 1m30s", "probeInterval: PT90S");

    assertThat(messages(Fixtures.regions().validateCreate(manifest)))
        .containsExactly(
            "spec.probeInterval: Invalid value: \"PT90S\": spec.probeInterval in body must be of type"
                + " duration: \"PT90S\"");
  }
}
