package io.greenlang.runtime.calculation.ghg;

import io.greenlang.runtime.calculation.FactorFields;
import io.greenlang.runtime.catalog.FactorLookup;
import io.greenlang.runtime.catalog.FactorQuery;
import io.greenlang.runtime.catalog.FactorRow;
import io.greenlang.runtime.catalog.TableRef;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GWP sets: catalog tables of quantity {@value #QUANTITY}, one row per gas. {@code AR4}, {@code
 * AR5} and {@code AR6} name the built-in IPCC 100-year sets; any other value is a table id (a
 * tenant's own set).
 */
public final class GwpSets {

  /** The catalog quantity of a GWP row. */
  public static final String QUANTITY = "gwp100";

  /** The default set: IPCC AR6. */
  public static final String DEFAULT = "ipcc-ar6-gwp100";

  private static final Map<String, String> ALIASES =
      Map.of("ar4", "ipcc-ar4-gwp100", "ar5", "ipcc-ar5-gwp100", "ar6", DEFAULT);

  private GwpSets() {}

  /** The table id a set name stands for. */
  public static String tableId(String name) {
    return ALIASES.getOrDefault(name.toLowerCase(Locale.ROOT), name);
  }

  /**
   * The GWP row of {@code gas} for a fuel whose carbon is fossil or not. Methane has two values in
   * AR6 ({@code CH4_fossil}, {@code CH4_non_fossil}); sets with one value ({@code CH4}) use it for
   * both.
   */
  public static FactorRow gwp(
      FactorLookup factors, TableRef set, Gas gas, boolean fossil, String field) {
    if (gas == Gas.CH4) {
      String specific = fossil ? "CH4_fossil" : "CH4_non_fossil";
      Optional<FactorRow> row =
          FactorFields.find(factors, FactorQuery.in(set, QUANTITY, specific, null), field, field);
      if (row.isPresent()) {
        return row.get();
      }
    }
    return FactorFields.require(
        factors, FactorQuery.in(set, QUANTITY, gas.name(), null), field, field);
  }
}
