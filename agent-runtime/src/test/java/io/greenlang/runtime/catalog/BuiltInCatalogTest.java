package io.greenlang.runtime.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The shipped catalog: it loads, holds the public values of shared/DOMAIN.md with their citations,
 * and lookups say which row they used.
 */
class BuiltInCatalogTest {

  private final BuiltInCatalog catalog = BuiltInCatalog.shipped();
  private final FactorCatalog lookup = FactorCatalog.builtInOnly();

  @Test
  void shipsTheIpcc2006StationaryCombustionDefaults() {
    // IPCC 2006 Vol. 2 Ch. 2 Table 2.2, energy industries, kg/TJ.
    assertFactor("natural_gas/CO2", "56100");
    assertFactor("natural_gas/CH4", "1");
    assertFactor("natural_gas/N2O", "0.1");
    assertFactor("gas_diesel_oil/CO2", "74100");
    assertFactor("gas_diesel_oil/CH4", "3");
    assertFactor("gas_diesel_oil/N2O", "0.6");
    assertFactor("residual_fuel_oil/CO2", "77400");
    assertFactor("residual_fuel_oil/CH4", "3");
    assertFactor("residual_fuel_oil/N2O", "0.6");
    assertFactor("other_bituminous_coal/CO2", "94600");
    assertFactor("other_bituminous_coal/CH4", "1");
    assertFactor("other_bituminous_coal/N2O", "1.5");
  }

  @Test
  void shipsTheIpcc2006NetCalorificValues() {
    // IPCC 2006 Vol. 2 Ch. 1 Table 1.2, TJ/Gg.
    for (String[] ncv :
        new String[][] {
          {"natural_gas", "48.0"},
          {"gas_diesel_oil", "43.0"},
          {"residual_fuel_oil", "40.4"},
          {"other_bituminous_coal", "25.8"}
        }) {
      FactorRow row =
          lookup.require(
              new FactorQuery("ipcc-2006-v2-ch1-t1.2", null, "net_calorific_value", ncv[0], null));
      assertThat(row.value()).isEqualByComparingTo(ncv[1]);
      assertThat(row.unit()).isEqualTo("TJ/Gg");
      assertThat(row.sourceTable()).isEqualTo("Table 1.2");
    }
  }

  @Test
  void shipsTheThreeGwpSets() {
    assertGwp("ipcc-ar6-gwp100", "CO2", "1");
    assertGwp("ipcc-ar6-gwp100", "CH4_fossil", "29.8");
    assertGwp("ipcc-ar6-gwp100", "CH4_non_fossil", "27.0");
    assertGwp("ipcc-ar6-gwp100", "N2O", "273");
    assertGwp("ipcc-ar5-gwp100", "CH4", "28");
    assertGwp("ipcc-ar5-gwp100", "N2O", "265");
    assertGwp("ipcc-ar4-gwp100", "CH4", "25");
    assertGwp("ipcc-ar4-gwp100", "N2O", "298");
    assertThat(lookup.table("ipcc-ar6-gwp100", null).orElseThrow().rows().get(0).sourceTable())
        .isEqualTo("Table 7.15");
  }

  @Test
  void cbamFactorByYearWithTheRowUsed() {
    String[][] expected = {
      {"2026", "97.5"}, {"2027", "95"}, {"2028", "90"}, {"2029", "77.5"}, {"2030", "51.5"},
      {"2031", "39"}, {"2032", "26.5"}, {"2033", "14"}, {"2034", "0"}, {"2050", "0"}
    };
    for (String[] year : expected) {
      FactorRow row =
          lookup.require(
              new FactorQuery(
                  "eu-cbam-factor",
                  null,
                  "cbam_factor",
                  "cbam_goods",
                  LocalDate.of(Integer.parseInt(year[0]), 6, 30)));
      assertThat(row.value()).as(year[0]).isEqualByComparingTo(year[1]);
      assertThat(row.unit()).isEqualTo("%");
    }
    FactorRow y2030 =
        lookup.require(
            new FactorQuery(
                "eu-cbam-factor", 1, "cbam_factor", "cbam_goods", LocalDate.of(2030, 1, 1)));
    assertThat(y2030.reference()).isEqualTo(new FactorReference("eu-cbam-factor", 1, "y2030"));
    assertThat(
            lookup.find(
                new FactorQuery(
                    "eu-cbam-factor",
                    null,
                    "cbam_factor",
                    "cbam_goods",
                    LocalDate.of(2025, 12, 31))))
        .isEmpty();
    assertThatThrownBy(
            () ->
                lookup.find(
                    new FactorQuery("eu-cbam-factor", null, "cbam_factor", "cbam_goods", null)))
        .isInstanceOf(FactorLookupException.class)
        .hasMessageContaining("give the date");
  }

  @Test
  void everyRowCitesItsSource() {
    assertThat(catalog.tables()).hasSizeGreaterThanOrEqualTo(7);
    for (FactorTable table : catalog.tables()) {
      assertThat(table.origin()).isEqualTo(TableOrigin.BUILT_IN);
      for (FactorRow row : table.rows()) {
        assertThat(row.source()).as(row.reference().toString()).isNotBlank();
        assertThat(row.edition()).as(row.reference().toString()).isNotBlank();
        assertThat(row.sourceTable()).as(row.reference().toString()).isNotBlank();
        assertThat(row.licence()).as(row.reference().toString()).isNotBlank();
      }
    }
  }

  @Test
  void unknownTablesAndVersionsAreNamed() {
    assertThatThrownBy(() -> lookup.find(new FactorQuery("no-such-table", null, "x", "y", null)))
        .hasMessage("no factor table no-such-table");
    assertThatThrownBy(
            () -> lookup.find(new FactorQuery("ipcc-ar6-gwp100", 9, "gwp100", "CO2", null)))
        .hasMessage("no version 9 of factor table ipcc-ar6-gwp100");
  }

  private void assertFactor(String subject, String kgPerTj) {
    FactorRow row =
        lookup.require(
            new FactorQuery("ipcc-2006-v2-ch2-t2.2", null, "emission_factor", subject, null));
    assertThat(row.value()).as(subject).isEqualByComparingTo(new BigDecimal(kgPerTj));
    assertThat(row.unit()).isEqualTo("kg/TJ");
    assertThat(row.sourceTable()).startsWith("Table 2.2");
    assertThat(row.edition()).isEqualTo("2006");
  }

  private void assertGwp(String table, String gas, String value) {
    FactorRow row = lookup.require(new FactorQuery(table, null, "gwp100", gas, null));
    assertThat(row.value()).as(table + " " + gas).isEqualByComparingTo(value);
  }
}
