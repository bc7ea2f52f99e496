package io.greenlang.runtime.calculation.ghg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.BatchTotals;
import io.greenlang.runtime.calculation.BatchableTool;
import io.greenlang.runtime.calculation.FactorChoice;
import io.greenlang.runtime.calculation.InputJson;
import io.greenlang.runtime.calculation.InputReader;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.OutputWriter;
import io.greenlang.runtime.catalog.FactorLookup;
import io.greenlang.runtime.units.BaseUnit;
import io.greenlang.runtime.units.Dimension;
import io.greenlang.runtime.units.Quantity;
import io.greenlang.runtime.units.RoundingRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * GHG Protocol scope 2, market-based (formula {@value #FORMULA}): contractual instruments
 * (certificates, PPAs, supplier-specific contracts, each with its own emission factor) cover
 * electricity first, in the order given; the remainder is at the residual-mix factor. Instruments
 * covering more than the electricity consumed are refused. The residual mix (a catalog row of
 * quantity {@value #RESIDUAL_MIX}) is needed only when something is left uncovered.
 */
public final class MarketBasedElectricity
    implements BatchableTool<MarketBasedElectricity.Input, MarketBasedElectricity.Output> {

  public static final String FORMULA = "ghg.scope2.market_based.v1";
  public static final String RESIDUAL_MIX = "residual_mix_factor";
  public static final String CONTRACTUAL_FACTOR = "contractual_emission_factor";
  private static final Pattern INSTRUMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");

  /** The kind of contractual instrument (GHG Protocol Scope 2 Guidance, quality criteria). */
  public enum InstrumentType {
    ENERGY_ATTRIBUTE_CERTIFICATE,
    POWER_PURCHASE_AGREEMENT,
    SUPPLIER_SPECIFIC,
    OTHER
  }

  /** One instrument: its id, type, the electricity it covers and its emission factor. */
  public record Instrument(
      String id, InstrumentType type, Quantity electricity, FactorChoice emissionFactor) {}

  /** Electricity consumed, the instruments, the residual mix and the date factors apply on. */
  public record Input(
      Quantity electricity,
      List<Instrument> instruments,
      FactorChoice residualMix,
      LocalDate asOf) {}

  /** MWh consumed, covered and residual; t CO2e of instruments, of the residual, and in all. */
  public record Output(
      BigDecimal electricityMwh,
      BigDecimal coveredMwh,
      BigDecimal residualMwh,
      BigDecimal instrumentsCo2eTonnes,
      BigDecimal residualCo2eTonnes,
      BigDecimal co2eTonnes) {}

  @Override
  public String formula() {
    return FORMULA;
  }

  @Override
  public String description() {
    return "Scope 2 market-based emissions: contractual instruments first, the remainder at the"
        + " residual mix";
  }

  @Override
  public Input read(InputReader in) {
    Quantity electricity = in.quantity("electricity", Dimension.ENERGY);
    if (electricity.value().signum() < 0) {
      throw new InvalidInputException("electricity.value", "must not be negative");
    }
    List<Instrument> instruments = new ArrayList<>();
    for (InputReader item : in.list("instruments")) {
      Quantity covered = item.quantity("electricity", Dimension.ENERGY);
      if (covered.value().signum() < 0) {
        throw new InvalidInputException(item.path("electricity.value"), "must not be negative");
      }
      instruments.add(
          new Instrument(
              item.text("id", INSTRUMENT_ID, "an instrument id"),
              item.choice("type", InstrumentType.class, null),
              covered,
              item.factor("emissionFactor")));
      item.rejectUnknownFields();
    }
    FactorChoice residualMix = in.has("residualMix") ? in.catalogFactor("residualMix") : null;
    return new Input(electricity, instruments, residualMix, in.optionalDate("asOf").orElse(null));
  }

  @Override
  public ObjectNode write(Input input) {
    ObjectNode json = InputJson.object();
    json.set("electricity", InputJson.quantity(input.electricity()));
    ArrayNode instruments = json.putArray("instruments");
    for (Instrument instrument : input.instruments()) {
      ObjectNode item = instruments.addObject();
      item.put("id", instrument.id());
      item.put("type", instrument.type().name().toLowerCase(java.util.Locale.ROOT));
      item.set("electricity", InputJson.quantity(instrument.electricity()));
      item.set("emissionFactor", instrument.emissionFactor().toJson());
    }
    if (input.residualMix() != null) {
      json.set("residualMix", input.residualMix().toJson());
    }
    if (input.asOf() != null) {
      json.put("asOf", input.asOf().toString());
    }
    return json;
  }

  @Override
  public Output calculate(Input input, FactorLookup factors) {
    Quantity consumed = input.electricity();
    Quantity covered = Quantity.of(BigDecimal.ZERO, BaseUnit.MEGAWATT_HOUR);
    BigDecimal instrumentsTonnes = BigDecimal.ZERO;
    for (int i = 0; i < input.instruments().size(); i++) {
      Instrument instrument = input.instruments().get(i);
      covered = covered.plus(instrument.electricity());
      instrumentsTonnes =
          instrumentsTonnes.add(
              ElectricityFactors.tonnes(
                  instrument.electricity(),
                  instrument.emissionFactor(),
                  CONTRACTUAL_FACTOR,
                  input.asOf(),
                  factors,
                  "instruments[" + i + "].emissionFactor"));
    }
    Quantity residual = consumed.minus(covered);
    if (residual.value().signum() < 0) {
      throw new InvalidInputException(
          "instruments",
          "the instruments cover "
              + covered
              + ", more than the "
              + consumed
              + " consumed; an instrument's electricity counts once");
    }
    BigDecimal residualTonnes = BigDecimal.ZERO;
    if (residual.value().signum() > 0) {
      if (input.residualMix() == null) {
        throw new InvalidInputException(
            "residualMix",
            "required: "
                + residual
                + " are not covered by instruments (a catalog table and subject"
                + " of quantity "
                + RESIDUAL_MIX
                + ")");
      }
      residualTonnes =
          ElectricityFactors.tonnes(
              residual, input.residualMix(), RESIDUAL_MIX, input.asOf(), factors, "residualMix");
    }
    return new Output(
        ElectricityFactors.megawattHours(consumed),
        ElectricityFactors.megawattHours(covered),
        ElectricityFactors.megawattHours(residual),
        instrumentsTonnes,
        residualTonnes,
        instrumentsTonnes.add(residualTonnes));
  }

  @Override
  public void writeOutputs(Output output, OutputWriter out) {
    out.put("electricityMWh", output.electricityMwh(), RoundingRule.INTENSITY);
    out.put("coveredMWh", output.coveredMwh(), RoundingRule.INTENSITY);
    out.put("residualMWh", output.residualMwh(), RoundingRule.INTENSITY);
    out.put("instrumentsCO2eTonnes", output.instrumentsCo2eTonnes(), RoundingRule.TONNES);
    out.put("residualCO2eTonnes", output.residualCo2eTonnes(), RoundingRule.TONNES);
    out.put("co2eTonnes", output.co2eTonnes(), RoundingRule.TONNES);
  }

  @Override
  public BatchTotals<Output> newTotals() {
    return new BatchTotals<>() {
      private Output sum =
          new Output(
              BigDecimal.ZERO,
              BigDecimal.ZERO,
              BigDecimal.ZERO,
              BigDecimal.ZERO,
              BigDecimal.ZERO,
              BigDecimal.ZERO);

      @Override
      public void add(Output o) {
        sum =
            new Output(
                sum.electricityMwh().add(o.electricityMwh()),
                sum.coveredMwh().add(o.coveredMwh()),
                sum.residualMwh().add(o.residualMwh()),
                sum.instrumentsCo2eTonnes().add(o.instrumentsCo2eTonnes()),
                sum.residualCo2eTonnes().add(o.residualCo2eTonnes()),
                sum.co2eTonnes().add(o.co2eTonnes()));
      }

      @Override
      public void write(OutputWriter out) {
        writeOutputs(sum, out);
      }
    };
  }
}
