package io.greenlang.runtime.worker.tools.ghg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.worker.tools.ToolInputs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the scope 2 tools share: electricity consumed as a quantity, and the factor rows used. */
final class ElectricityInputs {

  private ElectricityInputs() {}

  /**
   * Inputs {@code electricity} (a decimal of zero or more) and {@code unit} (kWh, MWh, GWh, ...) as
   * the formula's {@code {"value", "unit"}}.
   */
  static ObjectNode electricity(ToolInputs in) {
    BigDecimal value = in.decimal("electricity");
    if (value.signum() < 0) {
      throw in.invalid("electricity", "must not be negative, was " + value.toPlainString());
    }
    ObjectNode quantity = JsonNodeFactory.instance.objectNode();
    quantity.put("value", value.toPlainString());
    quantity.put("unit", in.text("unit"));
    return quantity;
  }

  /** The catalog rows a result used, in full (table, version, row, value, unit, source, ...). */
  static List<Map<String, Object>> factorRows(JsonNode provenance) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode factor : provenance.path("factors")) {
      Map<String, Object> row = new LinkedHashMap<>();
      factor
          .properties()
          .forEach(
              member ->
                  row.put(
                      member.getKey(),
                      member.getValue().isNumber()
                          ? member.getValue().numberValue()
                          : member.getValue().asText()));
      rows.add(row);
    }
    return rows;
  }
}
