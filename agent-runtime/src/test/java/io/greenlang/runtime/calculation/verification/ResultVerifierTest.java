package io.greenlang.runtime.calculation.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.runtime.calculation.TestTables;
import io.greenlang.runtime.calculation.batch.BatchCalculationTest;
import io.greenlang.runtime.calculation.batch.ResultRecord;
import io.greenlang.runtime.calculation.cbam.CbamTestTables;
import io.greenlang.runtime.catalog.FactorCatalog;
import io.greenlang.runtime.provenance.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verification recomputes a result from its provenance and finds every kind of tampering. */
class ResultVerifierTest {

  private final ResultVerifier verifier = new ResultVerifier(FactorCatalog.builtInOnly());

  @Test
  void aResultAsCalculatedVerifies() {
    ResultRecord record = scope1().get(0);
    Verification verification = verifier.verify(record);
    assertThat(verification.verified()).isTrue();
    assertThat(verification.recomputedHash()).isEqualTo(record.resultHash());
    assertThat(verification.checks())
        .extracting(Verification.Check::name)
        .containsExactly("hash", "chain-link", "canonical-form", "factor-rows", "recalculation");
  }

  @Test
  void anEditedOutputFailsTheHash() {
    ResultRecord record = scope1().get(0);
    ResultRecord edited =
        withProvenance(record, record.provenance().replace("2695.5408", "2695.5407"), false);
    Verification verification = verifier.verify(edited);
    assertThat(verification.verified()).isFalse();
    assertThat(verification.firstFailure().name()).isEqualTo("hash");
  }

  @Test
  void anEditedOutputWithARecomputedHashFailsRecalculationAndTheChain() {
    ResultRecord record = scope1().get(0);
    ResultRecord edited =
        withProvenance(record, record.provenance().replace("2695.5408", "2695.5407"), true);
    Verification verification = verifier.verify(edited);
    assertThat(verification.checks())
        .filteredOn(check -> !check.passed())
        .extracting(Verification.Check::name)
        .containsExactly("chain-link", "recalculation");
    assertThat(verification.checks().get(4).detail()).isEqualTo("recalculation differs in outputs");
  }

  @Test
  void anEditedFactorRowIsFoundAgainstTheCatalog() {
    ResultRecord record = scope1().get(0);
    // 56100 kg/TJ rewritten to 56000 with the outputs left: the catalog disagrees with the row.
    ResultRecord edited =
        withProvenance(
            record,
            record.provenance().replace("\"value\":\"56100\"", "\"value\":\"56000\""),
            true);
    Verification verification = verifier.verify(edited);
    assertThat(verification.checks())
        .filteredOn(check -> check.name().equals("factor-rows"))
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.passed()).isFalse();
              assertThat(check.detail())
                  .contains("ipcc-2006-v2-ch2-t2.2@1#natural_gas.co2 differs from the catalog");
            });
  }

  @Test
  void aRunVerifiesAndSwappedOrDeletedResultsAreFoundAtTheRightSequence() {
    List<ResultRecord> records = new ArrayList<>();
    io.greenlang.runtime.calculation.batch.BatchSummary summary =
        BatchCalculationTest.lines(BatchCalculationTest.importLines(6, 3), false, records);
    RunVerifier runs = new RunVerifier(new ResultVerifier(CbamTestTables.catalog()));

    assertThat(runs.verify(records.iterator(), summary.rootHash(), 6).verified()).isTrue();

    List<ResultRecord> swapped = new ArrayList<>(records);
    Collections.swap(swapped, 2, 3);
    RunVerification.Failure failure =
        runs.verify(swapped.iterator(), summary.rootHash(), 6).firstFailure();
    assertThat(failure.sequence()).isEqualTo(4);
    assertThat(failure.check()).isEqualTo("sequence");

    List<ResultRecord> deleted = new ArrayList<>(records);
    deleted.remove(4);
    failure = runs.verify(deleted.iterator(), summary.rootHash(), 6).firstFailure();
    assertThat(failure.sequence()).isEqualTo(6);
    assertThat(failure.check()).isEqualTo("sequence");

    List<ResultRecord> truncated = new ArrayList<>(records.subList(0, 5));
    failure = runs.verify(truncated.iterator(), summary.rootHash(), 6).firstFailure();
    assertThat(failure.sequence()).isZero();
    assertThat(failure.check()).isEqualTo("result-count");
  }

  @Test
  void aTenantTableRowVerifiesAgainstTheTenantsTable() {
    FactorCatalog tenant =
        TestTables.catalog(
            TestTables.table("site-ncv", 1, "ng,net_calorific_value,natural_gas,0.0381,GJ/m3"));
    List<ResultRecord> records = new ArrayList<>();
    BatchCalculationTest.scope1(
        "fuel,fuelConsumed.value,fuelConsumed.unit,netCalorificValues\nnatural_gas,5000,m3,site-ncv\n",
        Map.of(),
        false,
        records);
    assertThat(records).isEmpty(); // the built-in-only catalog of scope1() has no site-ncv table
    records.clear();
    records.add(
        BatchCalculationTest.scope1With(
                tenant,
                "fuel,fuelConsumed.value,fuelConsumed.unit,netCalorificValues\nnatural_gas,5000,m3,site-ncv\n")
            .get(0));
    assertThat(new ResultVerifier(tenant).verify(records.get(0)).verified()).isTrue();
    FactorCatalog changedTable =
        TestTables.catalog(
            TestTables.table("site-ncv", 1, "ng,net_calorific_value,natural_gas,0.0382,GJ/m3"));
    assertThat(new ResultVerifier(changedTable).verify(records.get(0)).firstFailure().name())
        .isEqualTo("factor-rows");
  }

  private static List<ResultRecord> scope1() {
    List<ResultRecord> records = new ArrayList<>();
    BatchCalculationTest.scope1(BatchCalculationTest.FUEL_CSV, Map.of(), false, records);
    return records;
  }

  private static ResultRecord withProvenance(
      ResultRecord record, String provenance, boolean rehash) {
    String hash =
        rehash ? Sha256.hex(provenance.getBytes(StandardCharsets.UTF_8)) : record.resultHash();
    return new ResultRecord(
        record.sequence(),
        record.sourceRow(),
        record.formula(),
        hash,
        record.previousHash(),
        record.chainHash(),
        provenance);
  }
}
