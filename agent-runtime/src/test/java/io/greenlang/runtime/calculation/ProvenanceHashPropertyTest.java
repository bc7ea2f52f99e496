package io.greenlang.runtime.calculation;

import static io.greenlang.runtime.calculation.CalculationFixtures.calculate;
import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.runtime.calculation.cbam.CbamTestTables;
import io.greenlang.runtime.calculation.cbam.ImportLineEmissions;
import io.greenlang.runtime.calculation.eudr.EudrRiskScore;
import io.greenlang.runtime.calculation.ghg.StationaryCombustion;
import io.greenlang.runtime.catalog.FactorCatalog;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties of the result hash, from fixed seeds: the same inputs and factors always give the same
 * provenance and hash; any change to one input value, or to one value or citation of a factor row
 * used, gives another hash.
 */
class ProvenanceHashPropertyTest {

  private static final long SEED = 7L;
  private static final String[] FUELS = {
    "natural_gas", "gas_diesel_oil", "residual_fuel_oil", "other_bituminous_coal", "wood_wood_waste"
  };
  private static final String[] UNITS = {"t", "kg", "Gg", "lb", "TJ", "GJ", "MWh", "MMBtu"};

  @Test
  void repeatedCalculationsAreIdenticalIncludingTheHash() {
    Random random = new Random(SEED);
    FactorCatalog catalog = FactorCatalog.builtInOnly();
    for (int i = 0; i < 200; i++) {
      String input =
          combustion(
              FUELS[random.nextInt(FUELS.length)],
              decimal(random),
              UNITS[random.nextInt(UNITS.length)],
              "AR6");
      Calculated<StationaryCombustion.Output> first =
          calculate(new StationaryCombustion(), input, catalog);
      Calculated<StationaryCombustion.Output> second =
          calculate(new StationaryCombustion(), input, FactorCatalog.builtInOnly());
      assertThat(second.canonicalProvenance())
          .as("seed %d case %d", SEED, i)
          .isEqualTo(first.canonicalProvenance());
      assertThat(second.resultHash()).isEqualTo(first.resultHash());
    }
  }

  @Test
  void distinctInputsGiveDistinctHashes() {
    Random random = new Random(SEED + 1);
    FactorCatalog catalog = FactorCatalog.builtInOnly();
    Set<String> inputs = new HashSet<>();
    Set<String> hashes = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      String input =
          combustion(
              FUELS[random.nextInt(FUELS.length)],
              decimal(random),
              UNITS[random.nextInt(UNITS.length)],
              new String[] {"AR4", "AR5", "AR6"}[random.nextInt(3)]);
      Calculated<StationaryCombustion.Output> result =
          calculate(new StationaryCombustion(), input, catalog);
      // Inputs that read the same (1.50 and 1.5) are the same input; any other change must show.
      if (inputs.add(result.provenance().inputs().toString())) {
        assertThat(hashes.add(result.resultHash()))
            .as("seed %d case %d: %s", SEED + 1, i, input)
            .isTrue();
      }
    }
  }

  @Test
  void changingOneInputValueChangesTheHash() {
    FactorCatalog catalog = CbamTestTables.catalog();
    String base =
        """
        {"lineId": "L1", "cnCode": "72081000", "countryOfOrigin": "CN",
         "netMass": {"value": "1000", "unit": "t"}, "method": "actual",
         "seeDirect": {"value": "2.0", "unit": "t/t"}, "seeIndirect": {"value": "0.3", "unit": "t/t"},
         "benchmark": {"table": "cbam-benchmarks-test", "subject": "hot-rolled-coil"}}
        """;
    String hash = calculate(new ImportLineEmissions(), base, catalog).resultHash();
    String[][] changes = {
      {"\"L1\"", "\"L2\""},
      {"\"72081000\"", "\"72081001\""},
      {"\"CN\"", "\"IN\""},
      {"\"1000\"", "\"1000.001\""},
      {"\"unit\": \"t\"}, \"method\"", "\"unit\": \"kg\"}, \"method\""},
      {"\"2.0\"", "\"2.01\""},
      {"\"0.3\"", "\"0.31\""},
      {"\"benchmark\"", "\"countedEmissions\": \"direct\", \"benchmark\""},
    };
    for (String[] change : changes) {
      String changed = base.replace(change[0], change[1]);
      assertThat(changed).isNotEqualTo(base);
      assertThat(calculate(new ImportLineEmissions(), changed, catalog).resultHash())
          .as("after changing %s to %s", change[0], change[1])
          .isNotEqualTo(hash);
    }
  }

  @Test
  void changingAnyFactorRowUsedChangesTheHash() {
    String input =
        """
        {"commodity": "cocoa", "weights": "w", "scores": {"country": "40", "supplier": "30",
         "commodity": "50", "corruption": "60", "deforestation": "20", "indigenousRights": "10",
         "protectedAreas": "0", "legality": "30", "audit": "50", "mitigation": "70"}}
        """;
    String[] rows = {
      "country,eudr_risk_weight,country,0.15,1",
      "supplier,eudr_risk_weight,supplier,0.12,1",
      "commodity,eudr_risk_weight,commodity,0.10,1",
      "corruption,eudr_risk_weight,corruption,0.08,1",
      "deforestation,eudr_risk_weight,deforestation,0.15,1",
      "indigenous_rights,eudr_risk_weight,indigenous_rights,0.10,1",
      "protected_areas,eudr_risk_weight,protected_areas,0.10,1",
      "legality,eudr_risk_weight,legality,0.10,1",
      "audit,eudr_risk_weight,audit,0.05,1",
      "mitigation,eudr_risk_weight,mitigation,0.05,1"
    };
    String hash =
        calculate(new EudrRiskScore(), input, TestTables.catalog(TestTables.table("w", 1, rows)))
            .resultHash();
    Set<String> seen = new HashSet<>(Set.of(hash));
    for (int i = 0; i < rows.length; i++) {
      // Move 0.01 of weight from row i to the next, so the weights still sum to 1.
      String[] shifted = rows.clone();
      shifted[i] = adjust(rows[i], "-0.01");
      shifted[(i + 1) % rows.length] = adjust(rows[(i + 1) % rows.length], "0.01");
      String changed =
          calculate(
                  new EudrRiskScore(), input, TestTables.catalog(TestTables.table("w", 1, shifted)))
              .resultHash();
      assertThat(seen.add(changed)).as("weight %d shifted", i).isTrue();
      // The same weights under another row id or in another table version are other rows.
      String[] renamed = rows.clone();
      renamed[i] = "x" + rows[i];
      assertThat(
              seen.add(
                  calculate(
                          new EudrRiskScore(),
                          input,
                          TestTables.catalog(TestTables.table("w", 1, renamed)))
                      .resultHash()))
          .isTrue();
    }
    assertThat(
            seen.add(
                calculate(
                        new EudrRiskScore(),
                        input,
                        TestTables.catalog(TestTables.table("w", 2, rows)))
                    .resultHash()))
        .isTrue();
  }

  private static String adjust(String row, String delta) {
    String[] cells = row.split(",");
    cells[3] =
        new java.math.BigDecimal(cells[3]).add(new java.math.BigDecimal(delta)).toPlainString();
    return String.join(",", cells);
  }

  private static String decimal(Random random) {
    return random.nextInt(1_000_000) + "." + random.nextInt(1000);
  }

  private static String combustion(String fuel, String value, String unit, String gwpSet) {
    return """
        {"fuel": "%s", "fuelConsumed": {"value": "%s", "unit": "%s"}, "gwpSet": "%s"}
        """
        .formatted(fuel, value, unit, gwpSet);
  }
}
