package io.greenlang.runtime.calculation.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.runtime.calculation.CalculationFixtures;
import io.greenlang.runtime.calculation.Calculator;
import io.greenlang.runtime.calculation.cbam.CbamTestTables;
import io.greenlang.runtime.calculation.cbam.ImportLineEmissions;
import io.greenlang.runtime.calculation.ghg.StationaryCombustion;
import io.greenlang.runtime.catalog.CsvRecords;
import io.greenlang.runtime.catalog.FactorCatalog;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Batches over CSV rows: per-row errors, totals, defaults, chaining in row order. */
public class BatchCalculationTest {

  public static final String FUEL_CSV =
      """
      fuel,fuelConsumed.value,fuelConsumed.unit
      natural_gas,1000,t
      gas_diesel_oil,500,GJ
      natural_gas,ten,t
      peat,1,t
      other_bituminous_coal,10,Gg
      natural_gas,1,kWh/t
      """;

  @Test
  void rowsThatFailAreReportedWithTheirFieldAndTheBatchGoesOn() {
    List<ResultRecord> records = new ArrayList<>();
    BatchSummary summary = scope1(FUEL_CSV, Map.of(), false, records);

    assertThat(summary.rows()).isEqualTo(6);
    assertThat(summary.results()).isEqualTo(3);
    assertThat(summary.errorCount()).isEqualTo(3);
    assertThat(summary.errors())
        .extracting(e -> e.row() + " " + e.field())
        .containsExactly("row 3 fuelConsumed.value", "row 4 fuel", "row 6 fuelConsumed.unit");
    assertThat(records).extracting(ResultRecord::sourceRow).containsExactly(1L, 2L, 5L);
    assertThat(records).extracting(ResultRecord::sequence).containsExactly(1L, 2L, 3L);
    // 2,695.5408 + 37.1766 + 24,520.1394 t CO2e (see StationaryCombustionTest).
    assertThat(summary.totals().at("/exact/totalCO2eTonnes").asText()).isEqualTo("27252.8568");
    assertThat(summary.totals().at("/presented/totalCO2eTonnes").asText()).isEqualTo("27252.857");
    assertThat(summary.rootHash()).isEqualTo(records.get(2).chainHash());
  }

  @Test
  void requestParametersAreDefaultsForEmptyCells() {
    String csv =
        "fuel,fuelConsumed.value,fuelConsumed.unit,gwpSet\nnatural_gas,1000,t,\nnatural_gas,1000,t,AR6\n";
    BatchSummary summary = scope1(csv, Map.of("gwpSet", "AR4"), false, new ArrayList<>());
    // AR4 2,695.4304 + AR6 2,695.5408.
    assertThat(summary.totals().at("/exact/totalCO2eTonnes").asText()).isEqualTo("5390.9712");
  }

  @Test
  void parallelAndSequentialBatchesAreIdentical() {
    String csv = importLines(2100, 7);
    List<ResultRecord> sequential = new ArrayList<>();
    List<ResultRecord> parallel = new ArrayList<>();
    BatchSummary a = lines(csv, false, sequential);
    BatchSummary b = lines(csv, true, parallel);
    assertThat(b.rootHash()).isEqualTo(a.rootHash());
    assertThat(parallel).isEqualTo(sequential);
    assertThat(a.results()).isEqualTo(2100);
  }

  @Test
  void columnsThatConflictFailTheRow() {
    BatchSummary summary =
        scope1(
            "fuel,fuelConsumed,fuelConsumed.unit\nnatural_gas,1,t\n",
            Map.of(),
            false,
            new ArrayList<>());
    assertThat(summary.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("header");
              assertThat(e.problem()).contains("fuelConsumed");
            });
  }

  public static BatchSummary scope1(
      String csv, Map<String, String> defaults, boolean parallel, List<ResultRecord> records) {
    return new BatchCalculation<>(
            new StationaryCombustion(),
            new Calculator(CalculationFixtures.CODE_VERSION),
            FactorCatalog.builtInOnly(),
            100,
            parallel)
        .run(rows(csv, defaults), records::add);
  }

  /** The results of a scope 1 batch against {@code catalog}. */
  public static List<ResultRecord> scope1With(FactorCatalog catalog, String csv) {
    List<ResultRecord> records = new ArrayList<>();
    new BatchCalculation<>(
            new StationaryCombustion(),
            new Calculator(CalculationFixtures.CODE_VERSION),
            catalog,
            100,
            false)
        .run(rows(csv, Map.of()), records::add);
    return records;
  }

  public static BatchSummary lines(String csv, boolean parallel, List<ResultRecord> records) {
    return new BatchCalculation<>(
            new ImportLineEmissions(),
            new Calculator(CalculationFixtures.CODE_VERSION),
            CbamTestTables.catalog(),
            100,
            parallel)
        .run(rows(csv, Map.of()), records::add);
  }

  static Iterator<RowInput> rows(String csv, Map<String, String> defaults) {
    return RowInputs.csv(CsvRecords.open(new StringReader(csv)), defaults);
  }

  /** {@code count} import lines from a seeded generator: actual and default, CN and IN. */
  public static String importLines(int count, long seed) {
    java.util.Random random = new java.util.Random(seed);
    StringBuilder csv =
        new StringBuilder(
            "lineId,cnCode,countryOfOrigin,netMass.value,netMass.unit,method,seeDirect.value,seeDirect.unit,"
                + "seeIndirect.value,seeIndirect.unit,defaultValues,benchmark.table,benchmark.subject\n");
    for (int i = 0; i < count; i++) {
      String mass = (1 + random.nextInt(99_999)) + "." + random.nextInt(1000);
      if (random.nextBoolean()) {
        csv.append("L")
            .append(i)
            .append(",72081000,CN,")
            .append(mass)
            .append(",t,actual,")
            .append(random.nextInt(300) / 100.0)
            .append(",t/t,")
            .append(random.nextInt(50) / 100.0)
            .append(",t/t,,cbam-benchmarks-test,hot-rolled-coil\n");
      } else {
        csv.append("L")
            .append(i)
            .append(",72081000,")
            .append(random.nextBoolean() ? "CN" : "IN")
            .append(',')
            .append(mass)
            .append(",t,default,,,,,cbam-defaults-test,,\n");
      }
    }
    return csv.toString();
  }
}
