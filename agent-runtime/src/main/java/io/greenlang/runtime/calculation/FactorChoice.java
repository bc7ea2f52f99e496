package io.greenlang.runtime.calculation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.catalog.FactorLookup;
import io.greenlang.runtime.catalog.FactorQuery;
import io.greenlang.runtime.catalog.TableRef;
import io.greenlang.runtime.units.DecimalArithmetic;
import io.greenlang.runtime.units.Quantity;
import java.time.LocalDate;

/**
 * A factor a calculation input gives either inline (a contractual instrument's emission factor, a
 * supplier's value: recorded as input) or as a catalog row (table and subject: recorded as a factor
 * row). Exactly one of {@code inline} and {@code table} is set.
 */
public record FactorChoice(Quantity inline, String source, TableRef table, String subject) {

  public static FactorChoice inline(Quantity value, String source) {
    return new FactorChoice(value, source, null, null);
  }

  public static FactorChoice fromCatalog(TableRef table, String subject) {
    return new FactorChoice(null, null, table, subject);
  }

  /**
   * The factor's value: the inline quantity, or the catalog row of {@code quantity} and the
   * subject, valid on {@code asOf}.
   *
   * @throws InvalidInputException naming {@code field.table} or {@code field.subject} when the
   *     catalog has no such table or row
   */
  public Quantity resolve(FactorLookup factors, String quantity, LocalDate asOf, String field) {
    if (inline != null) {
      return inline;
    }
    return FactorFields.require(
            factors,
            FactorQuery.in(table, quantity, subject, asOf),
            field + ".table",
            field + ".subject")
        .asQuantity();
  }

  /** The form {@link InputReader#factor} reads. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    if (inline != null) {
      json.put("value", DecimalArithmetic.plain(inline.value()));
      json.put("unit", inline.unit().symbol());
      if (source != null) {
        json.put("source", source);
      }
    } else {
      json.set("table", InputJson.table(table));
      json.put("subject", subject);
    }
    return json;
  }
}
