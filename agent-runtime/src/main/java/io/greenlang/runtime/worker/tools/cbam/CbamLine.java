package io.greenlang.runtime.worker.tools.cbam;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.catalog.TableRef;
import io.greenlang.runtime.worker.tools.ToolInputs;
import io.greenlang.runtime.worker.tools.calculation.StepTables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One CBAM import line as the intake step outputs it and the embedded-emissions step reads it: a
 * flat object of {@code lineId}, {@code cnCode}, {@code countryOfOrigin}, {@code netMassTonnes},
 * {@code method} ({@code actual} with {@code seeDirect} and {@code seeIndirect} in t CO2e per t, or
 * {@code default}), optionally {@code benchmark} (the subject of the line's CBAM benchmark row),
 * {@code countedEmissions} ({@code total} or {@code direct}) and {@code installation}.
 */
public record CbamLine(
    String lineId,
    String cnCode,
    String countryOfOrigin,
    BigDecimal netMassTonnes,
    String method,
    BigDecimal seeDirect,
    BigDecimal seeIndirect,
    String benchmark,
    String countedEmissions,
    String installation) {

  public static final String ACTUAL = "actual";
  public static final String DEFAULT = "default";
  public static final Set<String> METHODS = Set.of(ACTUAL, DEFAULT);
  public static final Set<String> COUNTED = Set.of("total", "direct");

  /** A line id as the formula accepts it. */
  public static final Pattern LINE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");

  private static final Pattern CN_CODE = Pattern.compile("\\d{8}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Set<String> FIELDS =
      Set.of(
          "lineId",
          "cnCode",
          "countryOfOrigin",
          "netMassTonnes",
          "method",
          "seeDirect",
          "seeIndirect",
          "benchmark",
          "countedEmissions",
          "installation");

  /**
   * Reads one line, each problem a {@code StepFailure} naming {@code lines[i].field}.
   *
   * @param in the line's fields
   */
  public static CbamLine read(ToolInputs in) {
    in.rejectUnknown(FIELDS);
    String method = in.text("method").toLowerCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw in.invalid("method", "\"" + method + "\" is not actual or default");
    }
    BigDecimal direct = in.optionalNonNegativeDecimal("seeDirect").orElse(null);
    BigDecimal indirect = in.optionalNonNegativeDecimal("seeIndirect").orElse(null);
    if (ACTUAL.equals(method)) {
      if (direct == null) {
        throw in.invalid("seeDirect", "is required with method actual (t CO2e per t)");
      }
      if (indirect == null) {
        throw in.invalid("seeIndirect", "is required with method actual (t CO2e per t)");
      }
    } else if (direct != null || indirect != null) {
      throw in.invalid(
          direct != null ? "seeDirect" : "seeIndirect",
          "is given with method default, which takes the default values; use method actual");
    }
    String counted =
        in.optionalText("countedEmissions").map(c -> c.toLowerCase(Locale.ROOT)).orElse(null);
    if (counted != null && !COUNTED.contains(counted)) {
      throw in.invalid("countedEmissions", "\"" + counted + "\" is not total or direct");
    }
    return new CbamLine(
        in.text("lineId", LINE_ID, "a line id (letters, digits, . _ : / -)"),
        in.text("cnCode", CN_CODE, "a CN code of 8 digits"),
        in.text("countryOfOrigin", COUNTRY, "an ISO 3166-1 alpha-2 country code such as CN"),
        in.positiveDecimal("netMassTonnes"),
        method,
        direct,
        indirect,
        in.optionalText("benchmark").orElse(null),
        counted,
        in.optionalText("installation").orElse(null));
  }

  /** The line as the intake step outputs it. */
  public Map<String, Object> toOutput() {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("lineId", lineId);
    line.put("cnCode", cnCode);
    line.put("countryOfOrigin", countryOfOrigin);
    line.put("netMassTonnes", netMassTonnes);
    line.put("method", method);
    if (seeDirect != null) {
      line.put("seeDirect", seeDirect);
      line.put("seeIndirect", seeIndirect);
    }
    if (benchmark != null) {
      line.put("benchmark", benchmark);
    }
    if (countedEmissions != null) {
      line.put("countedEmissions", countedEmissions);
    }
    if (installation != null) {
      line.put("installation", installation);
    }
    return line;
  }

  /**
   * The line as input of formula {@code cbam.embedded_emissions.v1}, with its tables pinned.
   *
   * @param defaultValues the default-value table (for method default)
   * @param benchmarks the benchmark table (for a line with a benchmark)
   * @param counted the step's counted emissions, when the line has none
   */
  public ObjectNode toFormulaInput(
      TableRef defaultValues, TableRef benchmarks, String counted, LocalDate asOf) {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    input.put("lineId", lineId);
    input.put("cnCode", cnCode);
    input.put("countryOfOrigin", countryOfOrigin);
    input.set("netMass", quantity(netMassTonnes, "t"));
    input.put("method", method);
    if (ACTUAL.equals(method)) {
      input.set("seeDirect", quantity(seeDirect, "t/t"));
      input.set("seeIndirect", quantity(seeIndirect, "t/t"));
    } else {
      input.set("defaultValues", StepTables.json(defaultValues));
    }
    String countedHere = countedEmissions != null ? countedEmissions : counted;
    if (countedHere != null) {
      input.put("countedEmissions", countedHere);
    }
    if (benchmark != null) {
      input.set("benchmark", StepTables.factor(benchmarks, benchmark));
    }
    if (asOf != null) {
      input.put("asOf", asOf.toString());
    }
    return input;
  }

  private static ObjectNode quantity(BigDecimal value, String unit) {
    ObjectNode quantity = JsonNodeFactory.instance.objectNode();
    quantity.put("value", value.toPlainString());
    quantity.put("unit", unit);
    return quantity;
  }
}
