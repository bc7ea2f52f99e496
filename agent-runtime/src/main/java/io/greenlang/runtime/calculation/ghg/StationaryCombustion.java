package io.greenlang.runtime.calculation.ghg;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.BatchTotals;
import io.greenlang.runtime.calculation.BatchableTool;
import io.greenlang.runtime.calculation.FactorFields;
import io.greenlang.runtime.calculation.InputJson;
import io.greenlang.runtime.calculation.InputReader;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.OutputWriter;
import io.greenlang.runtime.catalog.FactorLookup;
import io.greenlang.runtime.catalog.FactorQuery;
import io.greenlang.runtime.catalog.FactorRow;
import io.greenlang.runtime.catalog.TableRef;
import io.greenlang.runtime.units.BaseUnit;
import io.greenlang.runtime.units.Dimension;
import io.greenlang.runtime.units.IncompatibleUnitsException;
import io.greenlang.runtime.units.Quantity;
import io.greenlang.runtime.units.RoundingRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GHG Protocol scope 1, stationary combustion, IPCC 2006 Guidelines Vol. 2 Ch. 2 Tier 1 (formula
 * {@value #FORMULA}): energy (TJ) = fuel consumed, or fuel consumed × net calorific value;
 * emissions of each gas = energy × emission factor (kg/TJ); CO2e = Σ emissions × GWP. CO2 of
 * biogenic carbon (a row {@code <fuel>/CO2_biogenic}) is reported separately and not in CO2e; the
 * CH4 of a fuel with only biogenic CO2 takes the non-fossil methane GWP where the set has one.
 */
public final class StationaryCombustion
    implements BatchableTool<StationaryCombustion.Input, StationaryCombustion.Output> {

  public static final String FORMULA = "ghg.scope1.stationary_combustion.v1";
  public static final String DEFAULT_EMISSION_FACTORS = "ipcc-2006-v2-ch2-t2.2";
  public static final String DEFAULT_NET_CALORIFIC_VALUES = "ipcc-2006-v2-ch1-t1.2";
  static final String EMISSION_FACTOR = "emission_factor";
  static final String NET_CALORIFIC_VALUE = "net_calorific_value";
  private static final Pattern FUEL = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  /** The typed input; {@code gwpSet} is a table id. */
  public record Input(
      String fuel,
      Quantity fuelConsumed,
      String gwpSet,
      TableRef emissionFactors,
      TableRef netCalorificValues,
      LocalDate asOf) {}

  /** Energy in TJ, fossil emissions and CO2e per gas in t, biogenic CO2 in t, total CO2e in t. */
  public record Output(
      BigDecimal energyTj,
      Map<Gas, BigDecimal> emissionsTonnes,
      Map<Gas, BigDecimal> co2eTonnes,
      BigDecimal biogenicCo2Tonnes,
      BigDecimal totalCo2eTonnes) {}

  @Override
  public String formula() {
    return FORMULA;
  }

  @Override
  public String description() {
    return "Scope 1 emissions of burning a fuel in stationary equipment, per gas and as CO2e"
        + " (IPCC 2006 Vol. 2 Ch. 2, Tier 1)";
  }

  @Override
  public Input read(InputReader in) {
    String fuel = in.text("fuel", FUEL, "a fuel id such as natural_gas");
    Quantity consumed =
        in.quantity("fuelConsumed", Dimension.MASS, Dimension.ENERGY, Dimension.VOLUME);
    if (consumed.value().signum() < 0) {
      throw new InvalidInputException("fuelConsumed.value", "must not be negative");
    }
    String gwpSet = GwpSets.tableId(in.optionalText("gwpSet").orElse(GwpSets.DEFAULT));
    return new Input(
        fuel,
        consumed,
        gwpSet,
        in.table("emissionFactors", DEFAULT_EMISSION_FACTORS),
        in.table("netCalorificValues", DEFAULT_NET_CALORIFIC_VALUES),
        in.optionalDate("asOf").orElse(null));
  }

  @Override
  public ObjectNode write(Input input) {
    ObjectNode json = InputJson.object();
    json.put("fuel", input.fuel());
    json.set("fuelConsumed", InputJson.quantity(input.fuelConsumed()));
    json.put("gwpSet", input.gwpSet());
    json.set("emissionFactors", InputJson.table(input.emissionFactors()));
    json.set("netCalorificValues", InputJson.table(input.netCalorificValues()));
    if (input.asOf() != null) {
      json.put("asOf", input.asOf().toString());
    }
    return json;
  }

  @Override
  public String gwpSet(Input input) {
    return input.gwpSet();
  }

  @Override
  public Output calculate(Input input, FactorLookup factors) {
    BigDecimal energyTj = energyTj(input, factors);
    String fuel = input.fuel();
    Optional<FactorRow> fossilCo2 = factor(factors, input, fuel + "/CO2", false);
    Optional<FactorRow> biogenicCo2 = factor(factors, input, fuel + "/CO2_biogenic", false);
    if (fossilCo2.isEmpty() && biogenicCo2.isEmpty()) {
      throw new InvalidInputException(
          "fuel",
          "table "
              + input.emissionFactors().id()
              + " has no CO2 emission factor for "
              + fuel
              + " (subject "
              + fuel
              + "/CO2 or "
              + fuel
              + "/CO2_biogenic)");
    }
    boolean fossil = fossilCo2.isPresent();
    TableRef gwpTable = TableRef.latest(input.gwpSet());
    Map<Gas, BigDecimal> emissions = new EnumMap<>(Gas.class);
    Map<Gas, BigDecimal> co2e = new EnumMap<>(Gas.class);
    BigDecimal total = BigDecimal.ZERO;
    for (Gas gas : Gas.values()) {
      Optional<FactorRow> row =
          gas == Gas.CO2 ? fossilCo2 : factor(factors, input, fuel + "/" + gas.name(), true);
      BigDecimal tonnes = row.map(r -> tonnes(energyTj, r)).orElse(BigDecimal.ZERO);
      BigDecimal gwp = GwpSets.gwp(factors, gwpTable, gas, fossil, "gwpSet").value();
      emissions.put(gas, tonnes);
      co2e.put(gas, tonnes.multiply(gwp));
      total = total.add(co2e.get(gas));
    }
    BigDecimal biogenic = biogenicCo2.map(r -> tonnes(energyTj, r)).orElse(BigDecimal.ZERO);
    return new Output(energyTj, emissions, co2e, biogenic, total);
  }

  private static BigDecimal energyTj(Input input, FactorLookup factors) {
    Quantity consumed = input.fuelConsumed();
    if (consumed.unit().dimension() == Dimension.ENERGY) {
      return consumed.valueIn(BaseUnit.TERAJOULE);
    }
    FactorRow ncv =
        FactorFields.require(
            factors,
            FactorQuery.in(
                input.netCalorificValues(), NET_CALORIFIC_VALUE, input.fuel(), input.asOf()),
            "netCalorificValues",
            "fuel");
    try {
      return consumed.times(ncv.asQuantity()).valueIn(BaseUnit.TERAJOULE);
    } catch (IncompatibleUnitsException e) {
      throw new InvalidInputException(
          "fuelConsumed.unit",
          "the net calorific value "
              + ncv.reference()
              + " is in "
              + ncv.unit()
              + ": "
              + e.getMessage());
    }
  }

  private static Optional<FactorRow> factor(
      FactorLookup factors, Input input, String subject, boolean required) {
    FactorQuery query =
        FactorQuery.in(input.emissionFactors(), EMISSION_FACTOR, subject, input.asOf());
    return required
        ? Optional.of(FactorFields.require(factors, query, "emissionFactors", "fuel"))
        : FactorFields.find(factors, query, "emissionFactors", "fuel");
  }

  private static BigDecimal tonnes(BigDecimal energyTj, FactorRow emissionFactor) {
    Quantity energy = Quantity.of(energyTj, BaseUnit.TERAJOULE);
    try {
      return energy.times(emissionFactor.asQuantity()).valueIn(BaseUnit.TONNE);
    } catch (IncompatibleUnitsException e) {
      throw new InvalidInputException(
          "emissionFactors",
          "row " + emissionFactor.reference() + " is not mass per energy: " + e.getMessage());
    }
  }

  @Override
  public void writeOutputs(Output output, OutputWriter out) {
    out.put("energyTJ", output.energyTj(), RoundingRule.INTENSITY);
    OutputWriter emissions = out.object("emissionsTonnes");
    OutputWriter co2e = out.object("co2eTonnes");
    for (Gas gas : Gas.values()) {
      emissions.put(gas.name(), output.emissionsTonnes().get(gas), RoundingRule.TONNES);
      co2e.put(gas.name(), output.co2eTonnes().get(gas), RoundingRule.TONNES);
    }
    out.put("biogenicCO2Tonnes", output.biogenicCo2Tonnes(), RoundingRule.TONNES);
    out.put("totalCO2eTonnes", output.totalCo2eTonnes(), RoundingRule.TONNES);
  }

  @Override
  public BatchTotals<Output> newTotals() {
    return new StationaryCombustionTotals();
  }
}
