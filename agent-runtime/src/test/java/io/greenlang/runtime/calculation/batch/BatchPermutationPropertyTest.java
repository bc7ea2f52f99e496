package io.greenlang.runtime.calculation.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: a permutation of a batch's rows gives the same totals, to the last digit, and the same
 * set of result hashes; only the chain (and so the root hash) follows the order. 20 random
 * permutations of 500 generated import lines from a fixed seed.
 */
class BatchPermutationPropertyTest {

  private static final long SEED = 42L;

  @Test
  void permutedRowsGiveTheSameTotals() {
    String csv = BatchCalculationTest.importLines(500, SEED);
    List<String> lines = new ArrayList<>(Arrays.asList(csv.split("\n")));
    String header = lines.remove(0);
    List<ResultRecord> original = new ArrayList<>();
    BatchSummary reference = BatchCalculationTest.lines(csv, false, original);
    List<String> referenceHashes =
        original.stream().map(ResultRecord::resultHash).sorted().toList();

    Random random = new Random(SEED);
    for (int permutation = 0; permutation < 20; permutation++) {
      List<String> shuffled = new ArrayList<>(lines);
      Collections.shuffle(shuffled, random);
      List<ResultRecord> records = new ArrayList<>();
      BatchSummary summary =
          BatchCalculationTest.lines(
              header + "\n" + String.join("\n", shuffled) + "\n", false, records);

      String replay = "seed " + SEED + ", permutation " + permutation;
      assertThat(summary.totals().get("exact"))
          .as(replay)
          .isEqualTo(reference.totals().get("exact"));
      assertThat(records.stream().map(ResultRecord::resultHash).sorted().toList())
          .as(replay)
          .isEqualTo(referenceHashes);
      assertThat(summary.rootHash()).as(replay).isNotEqualTo(reference.rootHash());
    }
  }

  @Test
  void theSameBatchTwiceGivesTheSameRootHash() {
    String csv = BatchCalculationTest.importLines(200, SEED + 1);
    List<ResultRecord> first = new ArrayList<>();
    List<ResultRecord> second = new ArrayList<>();
    BatchSummary a = BatchCalculationTest.lines(csv, false, first);
    BatchSummary b = BatchCalculationTest.lines(csv, true, second);
    assertThat(b.rootHash()).isEqualTo(a.rootHash());
    assertThat(second).isEqualTo(first);
  }
}
