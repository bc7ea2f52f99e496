package io.greenlang.runtime.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.units.DecimalArithmetic;
import io.greenlang.runtime.units.Quantity;
import io.greenlang.runtime.units.Unit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of a factor table: what it is ({@code quantity}, e.g. {@code emission_factor}, and {@code
 * subject}, e.g. {@code natural_gas/CO2}), its value and unit, where it comes from (source
 * document, edition or year, the table in that document, licence) and when it applies (dates, both
 * optional and inclusive). {@link #reference()} says which row it is.
 */
public record FactorRow(
    String tableId,
    int tableVersion,
    String rowId,
    String quantity,
    String subject,
    BigDecimal value,
    String unit,
    String source,
    String edition,
    String sourceTable,
    String licence,
    LocalDate validFrom,
    LocalDate validTo) {

  public FactorRow {
    Objects.requireNonNull(tableId, "tableId");
    Objects.requireNonNull(rowId, "rowId");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
  }

  /** Table id, version and row id: which row was used. */
  public FactorReference reference() {
    return new FactorReference(tableId, tableVersion, rowId);
  }

  /** The value with its unit. */
  public Quantity asQuantity() {
    return new Quantity(value, Unit.parse(unit));
  }

  /** Whether the row applies on {@code date}; a row without dates applies always. */
  public boolean validOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom))
        && (validTo == null || !date.isAfter(validTo));
  }

  /** Whether the validity periods of this row and {@code other} share a day. */
  public boolean overlaps(FactorRow other) {
    boolean startsBeforeOtherEnds =
        validFrom == null || other.validTo == null || !validFrom.isAfter(other.validTo);
    boolean endsAfterOtherStarts =
        validTo == null || other.validFrom == null || !validTo.isBefore(other.validFrom);
    return startsBeforeOtherEnds && endsAfterOtherStarts;
  }

  /** The row as recorded in provenance and returned by the API. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("table", tableId);
    json.put("version", tableVersion);
    json.put("row", rowId);
    json.put("quantity", quantity);
    json.put("subject", subject);
    json.put("value", DecimalArithmetic.plain(value));
    json.put("unit", unit);
    json.put("source", source);
    json.put("edition", edition);
    json.put("sourceTable", sourceTable);
    json.put("licence", licence);
    if (validFrom != null) {
      json.put("validFrom", validFrom.toString());
    }
    if (validTo != null) {
      json.put("validTo", validTo.toString());
    }
    return json;
  }

  /** Reads the form {@link #toJson()} writes; decimals may be JSON strings or numbers. */
  public static FactorRow fromJson(JsonNode json) {
    JsonNode value = required(json, "value");
    return new FactorRow(
        required(json, "table").asText(),
        required(json, "version").asInt(),
        required(json, "row").asText(),
        required(json, "quantity").asText(),
        required(json, "subject").asText(),
        value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText()),
        required(json, "unit").asText(),
        text(json, "source"),
        text(json, "edition"),
        text(json, "sourceTable"),
        text(json, "licence"),
        date(json, "validFrom"),
        date(json, "validTo"));
  }

  private static JsonNode required(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("factor row without " + field + ": " + json);
    }
    return value;
  }

  private static String text(JsonNode json, String field) {
    return json.hasNonNull(field) ? json.get(field).asText() : null;
  }

  private static LocalDate date(JsonNode json, String field) {
    return json.hasNonNull(field) ? LocalDate.parse(json.get(field).asText()) : null;
  }
}
