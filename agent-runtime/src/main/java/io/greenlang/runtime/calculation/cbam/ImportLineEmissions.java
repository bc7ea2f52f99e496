package io.greenlang.runtime.calculation.cbam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.BatchTotals;
import io.greenlang.runtime.calculation.BatchableTool;
import io.greenlang.runtime.calculation.FactorChoice;
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
import io.greenlang.runtime.units.Quantity;
import io.greenlang.runtime.units.RoundingRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * EU CBAM embedded emissions of one import line (formula {@value #FORMULA}, Regulation (EU)
 * 2023/956 Annex IV): embedded emissions = SEE × net mass, direct and indirect separately, with the
 * SEE from the supplier (method {@code actual}) or a default-value table (method {@code default},
 * rows {@value #DEFAULT_DIRECT} / {@value #DEFAULT_INDIRECT} with subject {@code <CN
 * code>/<country>}, else {@code <CN code>}). With a CBAM benchmark (a catalog row {@value
 * #BENCHMARK}) the line also gives its free-allocation basis = benchmark × net mass, the input to
 * the certificate obligation.
 */
public final class ImportLineEmissions
    implements BatchableTool<ImportLineEmissions.Input, ImportLineEmissions.Output> {

  public static final String FORMULA = "cbam.embedded_emissions.v1";
  public static final String DEFAULT_DIRECT = "cbam_default_see_direct";
  public static final String DEFAULT_INDIRECT = "cbam_default_see_indirect";
  public static final String BENCHMARK = "cbam_benchmark";
  private static final Pattern CN_CODE = Pattern.compile("[0-9]{4,8}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern LINE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");

  /** Where the specific embedded emissions come from. */
  public enum Method {
    ACTUAL,
    DEFAULT
  }

  /** Which embedded emissions count towards the obligation (Annex II lists direct-only goods). */
  public enum Counted {
    TOTAL,
    DIRECT
  }

  /** One import line. {@code seeDirect}/{@code seeIndirect} are set for ACTUAL only. */
  public record Input(
      String lineId,
      String cnCode,
      String countryOfOrigin,
      Quantity netMass,
      Method method,
      Quantity seeDirect,
      Quantity seeIndirect,
      TableRef defaultValues,
      Counted counted,
      FactorChoice benchmark,
      LocalDate asOf) {}

  /** SEE used (t/t), embedded and counted emissions (t), free-allocation basis (t). */
  public record Output(
      BigDecimal netMassTonnes,
      BigDecimal seeDirect,
      BigDecimal seeIndirect,
      BigDecimal embeddedDirectTonnes,
      BigDecimal embeddedIndirectTonnes,
      BigDecimal countedTonnes,
      BigDecimal freeAllocationBasisTonnes) {}

  @Override
  public String formula() {
    return FORMULA;
  }

  @Override
  public String description() {
    return "CBAM embedded emissions of one import line, direct and indirect, from actual or"
        + " default values, and its free-allocation basis";
  }

  @Override
  public Input read(InputReader in) {
    String lineId = in.optionalText("lineId").orElse(null);
    if (lineId != null && !LINE_ID.matcher(lineId).matches()) {
      throw new InvalidInputException("lineId", "\"" + lineId + "\" is not a line id");
    }
    String cnCode = in.text("cnCode").replace(" ", "");
    if (!CN_CODE.matcher(cnCode).matches()) {
      throw new InvalidInputException("cnCode", "\"" + cnCode + "\" is not a CN code (4-8 digits)");
    }
    String country =
        in.text("countryOfOrigin", COUNTRY, "an ISO 3166-1 alpha-2 country code such as CN");
    Quantity netMass = SpecificEmbeddedEmissions.nonNegative(in, "netMass", Dimension.MASS);
    Method method = in.choice("method", Method.class, null);
    Quantity seeDirect = null;
    Quantity seeIndirect = null;
    TableRef defaults = null;
    if (method == Method.ACTUAL) {
      seeDirect = SpecificEmbeddedEmissions.intensity(in, "seeDirect");
      seeIndirect = SpecificEmbeddedEmissions.intensity(in, "seeIndirect");
      // A batch may name a default-value table for all its lines; actual lines do not use it.
      in.ignore("defaultValues");
    } else {
      defaults = in.table("defaultValues", null);
    }
    Counted counted = in.choice("countedEmissions", Counted.class, Counted.TOTAL);
    FactorChoice benchmark = in.has("benchmark") ? in.catalogFactor("benchmark") : null;
    return new Input(
        lineId,
        cnCode,
        country,
        netMass,
        method,
        seeDirect,
        seeIndirect,
        defaults,
        counted,
        benchmark,
        in.optionalDate("asOf").orElse(null));
  }

  @Override
  public ObjectNode write(Input input) {
    ObjectNode json = InputJson.object();
    if (input.lineId() != null) {
      json.put("lineId", input.lineId());
    }
    json.put("cnCode", input.cnCode());
    json.put("countryOfOrigin", input.countryOfOrigin());
    json.set("netMass", InputJson.quantity(input.netMass()));
    json.put("method", input.method().name().toLowerCase(Locale.ROOT));
    if (input.method() == Method.ACTUAL) {
      json.set("seeDirect", InputJson.quantity(input.seeDirect()));
      json.set("seeIndirect", InputJson.quantity(input.seeIndirect()));
    } else {
      json.set("defaultValues", InputJson.table(input.defaultValues()));
    }
    json.put("countedEmissions", input.counted().name().toLowerCase(Locale.ROOT));
    if (input.benchmark() != null) {
      json.set("benchmark", input.benchmark().toJson());
    }
    if (input.asOf() != null) {
      json.put("asOf", input.asOf().toString());
    }
    return json;
  }

  @Override
  public Output calculate(Input input, FactorLookup factors) {
    Quantity seeDirect = input.seeDirect();
    Quantity seeIndirect = input.seeIndirect();
    if (input.method() == Method.DEFAULT) {
      seeDirect = defaultValue(input, factors, DEFAULT_DIRECT);
      seeIndirect = defaultValue(input, factors, DEFAULT_INDIRECT);
    }
    BigDecimal direct = input.netMass().times(seeDirect).valueIn(BaseUnit.TONNE);
    BigDecimal indirect = input.netMass().times(seeIndirect).valueIn(BaseUnit.TONNE);
    BigDecimal counted = input.counted() == Counted.DIRECT ? direct : direct.add(indirect);
    BigDecimal basis = BigDecimal.ZERO;
    if (input.benchmark() != null) {
      Quantity benchmark = input.benchmark().resolve(factors, BENCHMARK, input.asOf(), "benchmark");
      requireIntensity(benchmark, "benchmark");
      basis = input.netMass().times(benchmark).valueIn(BaseUnit.TONNE);
    }
    return new Output(
        input.netMass().valueIn(BaseUnit.TONNE),
        tonnesPerTonne(seeDirect),
        tonnesPerTonne(seeIndirect),
        direct,
        indirect,
        counted,
        basis);
  }

  private static Quantity defaultValue(Input input, FactorLookup factors, String quantity) {
    FactorQuery exact =
        FactorQuery.in(
            input.defaultValues(),
            quantity,
            input.cnCode() + "/" + input.countryOfOrigin(),
            input.asOf());
    Optional<FactorRow> row = FactorFields.find(factors, exact, "defaultValues", "cnCode");
    FactorRow found =
        row.orElseGet(
            () ->
                FactorFields.require(
                    factors, exact.withSubject(input.cnCode()), "defaultValues", "cnCode"));
    Quantity value = found.asQuantity();
    requireIntensity(value, "defaultValues");
    return value;
  }

  private static void requireIntensity(Quantity value, String field) {
    if (!value.unit().isRatio()
        || value.unit().dimension() != Dimension.MASS
        || value.unit().denominator().dimension() != Dimension.MASS) {
      throw new InvalidInputException(
          field, "the row is in " + value.unit().symbol() + "; it must be t CO2e per t, e.g. t/t");
    }
  }

  private static BigDecimal tonnesPerTonne(Quantity see) {
    return see.to(io.greenlang.runtime.units.Unit.ratio(BaseUnit.TONNE, BaseUnit.TONNE)).value();
  }

  @Override
  public void writeOutputs(Output output, OutputWriter out) {
    out.put("netMassTonnes", output.netMassTonnes(), RoundingRule.TONNES);
    out.put("seeDirect", output.seeDirect(), RoundingRule.INTENSITY);
    out.put("seeIndirect", output.seeIndirect(), RoundingRule.INTENSITY);
    out.put("embeddedDirectTonnes", output.embeddedDirectTonnes(), RoundingRule.TONNES);
    out.put("embeddedIndirectTonnes", output.embeddedIndirectTonnes(), RoundingRule.TONNES);
    out.put(
        "embeddedTotalTonnes",
        output.embeddedDirectTonnes().add(output.embeddedIndirectTonnes()),
        RoundingRule.TONNES);
    out.put("countedTonnes", output.countedTonnes(), RoundingRule.TONNES);
    out.put("freeAllocationBasisTonnes", output.freeAllocationBasisTonnes(), RoundingRule.TONNES);
  }

  @Override
  public BatchTotals<Output> newTotals() {
    return new ImportLineTotals();
  }
}
