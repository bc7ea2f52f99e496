package io.greenlang.runtime.worker.tools.calculation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of a calculation result as step outputs: the provenance holds decimals as strings
 * (its canonical form); outputs hold them as JSON numbers (exact {@link BigDecimal}s), so a
 * Pipeline's {@code when} condition can compare them. A value is a decimal exactly when the result
 * records a rounding rule for it ({@code presentation.rules}); everything else (a risk level, a
 * count) keeps its JSON type.
 */
public final class CalculationFigures {

  private CalculationFigures() {}

  /** The exact outputs of a result's provenance. */
  public static Map<String, Object> exact(JsonNode provenance) {
    return figures(provenance.path("outputs"), provenance.path("presentation").path("rules"), "");
  }

  /** The presented (rounded) outputs of a result's provenance. */
  public static Map<String, Object> presented(JsonNode provenance) {
    return figures(
        provenance.path("presentation").path("values"),
        provenance.path("presentation").path("rules"),
        "");
  }

  /** The rounding rule of each presented value, by dotted path. */
  public static Map<String, Object> rules(JsonNode provenance) {
    return figures(provenance.path("presentation").path("rules"), null, "");
  }

  /**
   * Totals of a run as stored: {@code part} is {@code exact}, {@code presented} or {@code rules}.
   */
  public static Map<String, Object> totals(JsonNode totals, String part) {
    return figures(totals.path(part), "rules".equals(part) ? null : totals.path("rules"), "");
  }

  private static Map<String, Object> figures(JsonNode values, JsonNode rules, String prefix) {
    Map<String, Object> figures = new LinkedHashMap<>();
    values
        .properties()
        .forEach(
            member -> {
              String path = prefix + member.getKey();
              JsonNode value = member.getValue();
              if (value.isObject()) {
                figures.put(member.getKey(), figures(value, rules, path + "."));
              } else if (rules != null && rules.has(path) && value.isTextual()) {
                figures.put(member.getKey(), new BigDecimal(value.asText()));
              } else if (value.isIntegralNumber()) {
                figures.put(member.getKey(), value.longValue());
              } else if (value.isNumber()) {
                figures.put(member.getKey(), value.decimalValue());
              } else {
                figures.put(member.getKey(), value.isNull() ? null : value.asText());
              }
            });
    return figures;
  }
}
