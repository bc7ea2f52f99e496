package io.greenlang.runtime.calculation.ghg;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.BatchTotals;
import io.greenlang.runtime.calculation.BatchableTool;
import io.greenlang.runtime.calculation.FactorChoice;
import io.greenlang.runtime.calculation.InputJson;
import io.greenlang.runtime.calculation.InputReader;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.OutputWriter;
import io.greenlang.runtime.catalog.FactorLookup;
import io.greenlang.runtime.units.Dimension;
import io.greenlang.runtime.units.Quantity;
import io.greenlang.runtime.units.RoundingRule;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * GHG Protocol scope 2, location-based (formula {@value #FORMULA}): emissions = electricity
 * consumed × the grid-average emission factor of the grid region (a catalog row of quantity {@value
 * #GRID_FACTOR} in a tenant table: grid factors are data with a citation).
 */
public final class LocationBasedElectricity
    implements BatchableTool<LocationBasedElectricity.Input, LocationBasedElectricity.Output> {

  public static final String FORMULA = "ghg.scope2.location_based.v1";
  public static final String GRID_FACTOR = "grid_emission_factor";

  /** Electricity consumed, the grid factor, and the date the factor must be valid on. */
  public record Input(Quantity electricity, FactorChoice gridFactor, LocalDate asOf) {}

  /** Electricity in MWh and emissions in t CO2e. */
  public record Output(BigDecimal electricityMwh, BigDecimal co2eTonnes) {}

  @Override
  public String formula() {
    return FORMULA;
  }

  @Override
  public String description() {
    return "Scope 2 location-based emissions of electricity consumed, at the grid-average factor";
  }

  @Override
  public Input read(InputReader in) {
    Quantity electricity = in.quantity("electricity", Dimension.ENERGY);
    if (electricity.value().signum() < 0) {
      throw new InvalidInputException("electricity.value", "must not be negative");
    }
    return new Input(
        electricity, in.catalogFactor("gridFactor"), in.optionalDate("asOf").orElse(null));
  }

  @Override
  public ObjectNode write(Input input) {
    ObjectNode json = InputJson.object();
    json.set("electricity", InputJson.quantity(input.electricity()));
    json.set("gridFactor", input.gridFactor().toJson());
    if (input.asOf() != null) {
      json.put("asOf", input.asOf().toString());
    }
    return json;
  }

  @Override
  public Output calculate(Input input, FactorLookup factors) {
    BigDecimal tonnes =
        ElectricityFactors.tonnes(
            input.electricity(),
            input.gridFactor(),
            GRID_FACTOR,
            input.asOf(),
            factors,
            "gridFactor");
    return new Output(ElectricityFactors.megawattHours(input.electricity()), tonnes);
  }

  @Override
  public void writeOutputs(Output output, OutputWriter out) {
    out.put("electricityMWh", output.electricityMwh(), RoundingRule.INTENSITY);
    out.put("co2eTonnes", output.co2eTonnes(), RoundingRule.TONNES);
  }

  @Override
  public BatchTotals<Output> newTotals() {
    return new BatchTotals<>() {
      private BigDecimal electricity = BigDecimal.ZERO;
      private BigDecimal co2e = BigDecimal.ZERO;

      @Override
      public void add(Output output) {
        electricity = electricity.add(output.electricityMwh());
        co2e = co2e.add(output.co2eTonnes());
      }

      @Override
      public void write(OutputWriter out) {
        writeOutputs(new Output(electricity, co2e), out);
      }
    };
  }
}
