package io.greenlang.runtime.calculation.cbam;

import static io.greenlang.runtime.calculation.CalculationFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.calculation.CalculationFixtures;
import io.greenlang.runtime.calculation.Calculator;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.batch.BatchSummary;
import io.greenlang.runtime.calculation.batch.CbamObligationRun;
import io.greenlang.runtime.calculation.batch.ResultRecord;
import io.greenlang.runtime.calculation.batch.RowInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of the CBAM certificate obligation (shared/DOMAIN.md, Regulation (EU) 2023/956):
 * certificates = max(0, E − A − D), A = Σ benchmark × quantity × CBAM factor of the year, D =
 * carbon price paid ÷ certificate price; cost = certificates × price. The CBAM factor is the
 * built-in table (2026 97.5 % ... 2034 0 %); benchmark and price are test fixtures.
 */
class CertificateObligationTest {

  private static final String LINE =
      """
      {"lineId": "L1", "cnCode": "72081000", "countryOfOrigin": "CN",
       "netMass": {"value": "1000", "unit": "t"}, "method": "actual",
       "seeDirect": {"value": "2.0", "unit": "t/t"}, "seeIndirect": {"value": "0.3", "unit": "t/t"},
       "countedEmissions": "direct",
       "benchmark": {"table": "cbam-benchmarks-test", "subject": "hot-rolled-coil"}}
      """;

  /**
   * 2026: E = 2,000 t; A = 1,300 t × 97.5 % = 1,267.5 t; D = 10,000 EUR ÷ 80 EUR/t = 125 t;
   * certificates = 2,000 − 1,267.5 − 125 = 607.5; cost = 607.5 × 80 = 48,600.00 EUR.
   */
  @Test
  void in2026() {
    List<ResultRecord> records = new ArrayList<>();
    BatchSummary summary = run(2026, "10000", records);
    assertThat(summary.obligation().get("freeAllocationAdjustmentTonnes").asText())
        .isEqualTo("1267.5");
    assertThat(summary.obligation().get("carbonPriceDeductionTonnes").asText()).isEqualTo("125");
    assertThat(summary.obligation().get("certificates").asText()).isEqualTo("607.5");
    assertThat(summary.obligation().get("costEur").asText()).isEqualTo("48600");
    assertThat(records).hasSize(2);
    assertThat(records.get(1).formula()).isEqualTo(CertificateObligation.FORMULA);
    assertThat(records.get(1).provenance())
        .contains("\"chainHash\":\"" + records.get(0).chainHash() + "\"")
        .contains("\"row\":\"y2026\"")
        .contains("\"costEur\":\"48600.00\"");
    assertThat(summary.rootHash()).isEqualTo(records.get(1).chainHash());
  }

  /**
   * 2030: A = 1,300 × 51.5 % = 669.5; certificates = 2,000 − 669.5 − 125 = 1,205.5; cost 96,440.
   */
  @Test
  void in2030() {
    BatchSummary summary = run(2030, "10000", new ArrayList<>());
    assertThat(summary.obligation().get("certificates").asText()).isEqualTo("1205.5");
    assertThat(summary.obligation().get("costEur").asText()).isEqualTo("96440");
  }

  /** From 2034 free allocation is gone: A = 0; certificates = 2,000 − 125 = 1,875; cost 150,000. */
  @Test
  void from2034() {
    BatchSummary summary = run(2034, "10000", new ArrayList<>());
    assertThat(summary.obligation().get("freeAllocationAdjustmentTonnes").asText()).isEqualTo("0");
    assertThat(summary.obligation().get("certificates").asText()).isEqualTo("1875");
  }

  /** D = 200,000 ÷ 80 = 2,500 t exceeds E − A: no certificates are owed, not a negative number. */
  @Test
  void neverNegative() {
    BatchSummary summary = run(2026, "200000", new ArrayList<>());
    assertThat(summary.obligation().get("certificates").asText()).isEqualTo("0");
    assertThat(summary.obligation().get("costEur").asText()).isEqualTo("0");
  }

  @Test
  void yearsBeforeTheDefinitivePeriodAreRefused() {
    assertThatThrownBy(() -> run(2025, "0", new ArrayList<>()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo("year: must be between 2026 and 2100, got 2025"));
  }

  @Test
  void aFailedLineMeansNoObligation() {
    List<ResultRecord> records = new ArrayList<>();
    BatchSummary summary =
        new CbamObligationRun(
                new Calculator(CalculationFixtures.CODE_VERSION),
                CbamTestTables.catalog(),
                10,
                false)
            .run(
                List.of(
                        RowInput.of("lines[0]", null, json(LINE)),
                        RowInput.of("lines[1]", null, json(LINE.replace("\"CN\"", "\"China\""))))
                    .iterator(),
                json(terms(2026, "0")),
                records::add);
    assertThat(summary.obligation()).isNull();
    assertThat(summary.obligationNote()).isEqualTo("not calculated: 1 import lines failed");
    assertThat(summary.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.row()).isEqualTo("lines[1]");
              assertThat(error.field()).isEqualTo("countryOfOrigin");
            });
    assertThat(records).hasSize(1);
  }

  private static BatchSummary run(int year, String paidEur, List<ResultRecord> records) {
    return new CbamObligationRun(
            new Calculator(CalculationFixtures.CODE_VERSION), CbamTestTables.catalog(), 10, false)
        .run(
            List.of(RowInput.of("lines[0]", null, json(LINE))).iterator(),
            json(terms(year, paidEur)),
            records::add);
  }

  private static String terms(int year, String paidEur) {
    return """
        {"year": %d, "certificatePrice": {"table": "cbam-prices-test", "subject": "2026"},
         "carbonPricePaid": {"value": "%s", "unit": "EUR"}}
        """
        .formatted(year, paidEur);
  }
}
