package io.greenlang.runtime.calculation.cbam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.BatchTotals;
import io.greenlang.runtime.calculation.BatchableTool;
import io.greenlang.runtime.calculation.InputJson;
import io.greenlang.runtime.calculation.InputReader;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.OutputWriter;
import io.greenlang.runtime.catalog.FactorLookup;
import io.greenlang.runtime.units.BaseUnit;
import io.greenlang.runtime.units.DecimalArithmetic;
import io.greenlang.runtime.units.Dimension;
import io.greenlang.runtime.units.Quantity;
import io.greenlang.runtime.units.RoundingRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * EU CBAM specific embedded emissions of a good (Regulation (EU) 2023/956, Annex IV), direct and
 * indirect separately, in t CO2e per t of good. Simple goods ({@value #SIMPLE}): SEE = AttrEm / AL.
 * Complex goods ({@value #COMPLEX}): SEE = (AttrEm + Σ M_i × SEE_i) / AL over the precursors
 * consumed.
 */
public final class SpecificEmbeddedEmissions
    implements BatchableTool<SpecificEmbeddedEmissions.Input, SpecificEmbeddedEmissions.Output> {

  public static final String SIMPLE = "cbam.see.simple.v1";
  public static final String COMPLEX = "cbam.see.complex.v1";

  private final boolean complex;

  private SpecificEmbeddedEmissions(boolean complex) {
    this.complex = complex;
  }

  /** The formula for simple goods. */
  public static SpecificEmbeddedEmissions simpleGoods() {
    return new SpecificEmbeddedEmissions(false);
  }

  /** The formula for complex goods. */
  public static SpecificEmbeddedEmissions complexGoods() {
    return new SpecificEmbeddedEmissions(true);
  }

  /** A precursor consumed: its name, mass M_i and specific embedded emissions. */
  public record Precursor(
      String name, Quantity consumed, Quantity seeDirect, Quantity seeIndirect) {}

  /** Attributed emissions (direct, indirect), activity level, precursors (complex goods). */
  public record Input(
      Quantity attributedDirect,
      Quantity attributedIndirect,
      Quantity activityLevel,
      List<Precursor> precursors) {}

  /**
   * Numerators in t CO2e (attributed plus precursor emissions), activity level in t, and SEE in t
   * CO2e per t.
   */
  public record Output(
      BigDecimal embeddedDirectTonnes,
      BigDecimal embeddedIndirectTonnes,
      BigDecimal activityLevelTonnes,
      BigDecimal seeDirect,
      BigDecimal seeIndirect) {}

  @Override
  public String formula() {
    return complex ? COMPLEX : SIMPLE;
  }

  @Override
  public String description() {
    return complex
        ? "CBAM specific embedded emissions of a complex good, with its precursors, direct and"
            + " indirect (Regulation (EU) 2023/956 Annex IV)"
        : "CBAM specific embedded emissions of a simple good, direct and indirect"
            + " (Regulation (EU) 2023/956 Annex IV)";
  }

  @Override
  public Input read(InputReader in) {
    InputReader attributed = in.object("attributedEmissions");
    Quantity direct = nonNegative(attributed, "direct", Dimension.MASS);
    Quantity indirect = nonNegative(attributed, "indirect", Dimension.MASS);
    attributed.rejectUnknownFields();
    Quantity activity = nonNegative(in, "activityLevel", Dimension.MASS);
    if (activity.value().signum() == 0) {
      throw new InvalidInputException("activityLevel.value", "must be more than zero");
    }
    List<Precursor> precursors = new ArrayList<>();
    if (complex) {
      for (InputReader item : in.list("precursors")) {
        precursors.add(
            new Precursor(
                item.text("name"),
                nonNegative(item, "consumed", Dimension.MASS),
                intensity(item, "seeDirect"),
                intensity(item, "seeIndirect")));
        item.rejectUnknownFields();
      }
      if (precursors.isEmpty()) {
        throw new InvalidInputException(
            "precursors", "a complex good has at least one precursor; use " + SIMPLE);
      }
    }
    return new Input(direct, indirect, activity, precursors);
  }

  static Quantity nonNegative(InputReader in, String field, Dimension dimension) {
    Quantity quantity = in.quantity(field, dimension);
    if (quantity.value().signum() < 0) {
      throw new InvalidInputException(in.path(field) + ".value", "must not be negative");
    }
    return quantity;
  }

  static Quantity intensity(InputReader in, String field) {
    Quantity see = in.rate(field, Dimension.MASS, Dimension.MASS);
    if (see.value().signum() < 0) {
      throw new InvalidInputException(in.path(field) + ".value", "must not be negative");
    }
    return see;
  }

  @Override
  public ObjectNode write(Input input) {
    ObjectNode json = InputJson.object();
    ObjectNode attributed = json.putObject("attributedEmissions");
    attributed.set("direct", InputJson.quantity(input.attributedDirect()));
    attributed.set("indirect", InputJson.quantity(input.attributedIndirect()));
    json.set("activityLevel", InputJson.quantity(input.activityLevel()));
    if (complex) {
      ArrayNode precursors = json.putArray("precursors");
      for (Precursor precursor : input.precursors()) {
        ObjectNode item = precursors.addObject();
        item.put("name", precursor.name());
        item.set("consumed", InputJson.quantity(precursor.consumed()));
        item.set("seeDirect", InputJson.quantity(precursor.seeDirect()));
        item.set("seeIndirect", InputJson.quantity(precursor.seeIndirect()));
      }
    }
    return json;
  }

  @Override
  public Output calculate(Input input, FactorLookup factors) {
    BigDecimal direct = input.attributedDirect().valueIn(BaseUnit.TONNE);
    BigDecimal indirect = input.attributedIndirect().valueIn(BaseUnit.TONNE);
    for (Precursor precursor : input.precursors()) {
      direct =
          direct.add(precursor.consumed().times(precursor.seeDirect()).valueIn(BaseUnit.TONNE));
      indirect =
          indirect.add(precursor.consumed().times(precursor.seeIndirect()).valueIn(BaseUnit.TONNE));
    }
    BigDecimal activity = input.activityLevel().valueIn(BaseUnit.TONNE);
    return new Output(
        direct,
        indirect,
        activity,
        DecimalArithmetic.divide(direct, activity),
        DecimalArithmetic.divide(indirect, activity));
  }

  @Override
  public void writeOutputs(Output output, OutputWriter out) {
    out.put("embeddedDirectTonnes", output.embeddedDirectTonnes(), RoundingRule.TONNES);
    out.put("embeddedIndirectTonnes", output.embeddedIndirectTonnes(), RoundingRule.TONNES);
    out.put("activityLevelTonnes", output.activityLevelTonnes(), RoundingRule.TONNES);
    out.put("seeDirect", output.seeDirect(), RoundingRule.INTENSITY);
    out.put("seeIndirect", output.seeIndirect(), RoundingRule.INTENSITY);
    out.put("seeTotal", output.seeDirect().add(output.seeIndirect()), RoundingRule.INTENSITY);
  }

  @Override
  public BatchTotals<Output> newTotals() {
    // Across installations or periods the SEE of the sums is the activity-weighted mean.
    return new BatchTotals<>() {
      private BigDecimal direct = BigDecimal.ZERO;
      private BigDecimal indirect = BigDecimal.ZERO;
      private BigDecimal activity = BigDecimal.ZERO;

      @Override
      public void add(Output output) {
        direct = direct.add(output.embeddedDirectTonnes());
        indirect = indirect.add(output.embeddedIndirectTonnes());
        activity = activity.add(output.activityLevelTonnes());
      }

      @Override
      public void write(OutputWriter out) {
        if (activity.signum() == 0) {
          return;
        }
        writeOutputs(
            new Output(
                direct,
                indirect,
                activity,
                DecimalArithmetic.divide(direct, activity),
                DecimalArithmetic.divide(indirect, activity)),
            out);
      }
    };
  }
}
