package io.greenlang.runtime.calculation.ghg;

import static io.greenlang.runtime.calculation.CalculationFixtures.calculate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.calculation.Calculated;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.TestTables;
import io.greenlang.runtime.catalog.FactorCatalog;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of the scope 2 formulas (GHG Protocol Scope 2 Guidance: location-based = energy ×
 * grid-average factor; market-based = instruments first, the remainder at the residual mix). Grid
 * and residual-mix factors are tenant data; the tables here are test fixtures with round values,
 * not published factors.
 */
class ElectricityTest {

  private final FactorCatalog catalog =
      TestTables.catalog(
          TestTables.table(
              "grid-test",
              1,
              "de-2025,grid_emission_factor,DE,0.5,kg/kWh,2025-01-01,2025-12-31",
              "de-2026,grid_emission_factor,DE,0.4,kg/kWh,2026-01-01,2026-12-31",
              "de-rm,residual_mix_factor,DE,0.6,t/MWh",
              "ppa-1,contractual_emission_factor,wind-ppa-1,0.01,kg/kWh"));

  /** 1,000 MWh in 2026 at 0.4 kg/kWh = 1,000,000 kWh × 0.4 kg = 400,000 kg = 400 t CO2e. */
  @Test
  void locationBased() {
    Calculated<LocationBasedElectricity.Output> result =
        calculate(
            new LocationBasedElectricity(),
            """
            {"electricity": {"value": "1000", "unit": "MWh"},
             "gridFactor": {"table": "grid-test", "subject": "DE"}, "asOf": "2026-03-31"}
            """,
            catalog);
    assertThat(result.output().co2eTonnes()).isEqualByComparingTo("400");
    assertThat(result.provenance().factors().get(0).get("row").asText()).isEqualTo("de-2026");
  }

  /** Without a date the table's two DE periods are ambiguous, and the error says so. */
  @Test
  void aTableWithSeveralPeriodsNeedsTheDate() {
    assertThatThrownBy(
            () ->
                calculate(
                    new LocationBasedElectricity(),
                    """
                    {"electricity": {"value": "1", "unit": "MWh"},
                     "gridFactor": {"table": "grid-test", "subject": "DE"}}
                    """,
                    catalog))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("asOf"));
  }

  /**
   * 1,000 MWh; certificates cover 600 MWh at 0 kg/kWh, a PPA 100 MWh at 0.01 kg/kWh (1 t); the
   * remaining 300 MWh at the residual mix 0.6 t/MWh = 180 t; total 181 t CO2e.
   */
  @Test
  void marketBased() {
    Calculated<MarketBasedElectricity.Output> result =
        calculate(
            new MarketBasedElectricity(),
            """
            {"electricity": {"value": "1000", "unit": "MWh"},
             "instruments": [
               {"id": "GO-2026-001", "type": "energy_attribute_certificate",
                "electricity": {"value": "600", "unit": "MWh"},
                "emissionFactor": {"value": "0", "unit": "kg/kWh", "source": "GO registry"}},
               {"id": "PPA-1", "type": "power_purchase_agreement",
                "electricity": {"value": "100000", "unit": "kWh"},
                "emissionFactor": {"table": "grid-test", "subject": "wind-ppa-1"}}],
             "residualMix": {"table": "grid-test", "subject": "DE"}}
            """,
            catalog);
    MarketBasedElectricity.Output out = result.output();
    assertThat(out.coveredMwh()).isEqualByComparingTo("700");
    assertThat(out.residualMwh()).isEqualByComparingTo("300");
    assertThat(out.instrumentsCo2eTonnes()).isEqualByComparingTo("1");
    assertThat(out.residualCo2eTonnes()).isEqualByComparingTo("180");
    assertThat(out.co2eTonnes()).isEqualByComparingTo("181");
  }

  @Test
  void instrumentsCannotCoverMoreThanWasConsumed() {
    assertThatThrownBy(
            () ->
                calculate(
                    new MarketBasedElectricity(),
                    """
                    {"electricity": {"value": "10", "unit": "MWh"},
                     "instruments": [{"id": "GO-1", "type": "energy_attribute_certificate",
                       "electricity": {"value": "11", "unit": "MWh"},
                       "emissionFactor": {"value": "0", "unit": "kg/kWh"}}]}
                    """,
                    catalog))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("instruments");
              assertThat(e.problem()).contains("cover 11 MWh, more than the 10 MWh consumed");
            });
  }

  @Test
  void gridFactorsComeFromTheCatalogOnly() {
    assertThatThrownBy(
            () ->
                calculate(
                    new LocationBasedElectricity(),
                    """
                    {"electricity": {"value": "1", "unit": "MWh"},
                     "gridFactor": {"value": "0.4", "unit": "kg/kWh"}}
                    """,
                    catalog))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("gridFactor.table"));
  }
}
