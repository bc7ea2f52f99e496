package io.greenlang.runtime.calculation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.catalog.TableRef;
import io.greenlang.runtime.units.DecimalArithmetic;
import io.greenlang.runtime.units.Quantity;

/**
 * Writes typed input values back to JSON in the form {@link InputReader} reads, for the inputs part
 * of provenance: quantities as {@code {"value", "unit"}}, tables as {@code {"id", "version"}}.
 */
public final class InputJson {

  private InputJson() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ObjectNode quantity(Quantity quantity) {
    ObjectNode json = object();
    json.put("value", DecimalArithmetic.plain(quantity.value()));
    json.put("unit", quantity.unit().symbol());
    return json;
  }

  public static ObjectNode table(TableRef table) {
    ObjectNode json = object();
    json.put("id", table.id());
    if (table.version() != null) {
      json.put("version", table.version());
    }
    return json;
  }
}
