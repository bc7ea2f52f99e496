package io.greenlang.runtime.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.provenance.CanonicalJson;
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
 * optional and inclusive). {@link #reference()} says which row it is. Immutable; its JSON form and
 * canonical text are computed once, because every result that uses the row records it.
 */
public final class FactorRow {

  private final String tableId;
  private final int tableVersion;
  private final String rowId;
  private final String quantity;
  private final String subject;
  private final BigDecimal value;
  private final String unit;
  private final String source;
  private final String edition;
  private final String sourceTable;
  private final String licence;
  private final LocalDate validFrom;
  private final LocalDate validTo;
  private volatile Quantity parsed;
  private volatile ObjectNode json;

  public FactorRow(
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
    this.tableId = Objects.requireNonNull(tableId, "tableId");
    this.tableVersion = tableVersion;
    this.rowId = Objects.requireNonNull(rowId, "rowId");
    this.quantity = Objects.requireNonNull(quantity, "quantity");
    this.subject = Objects.requireNonNull(subject, "subject");
    this.value = Objects.requireNonNull(value, "value");
    this.unit = Objects.requireNonNull(unit, "unit");
    this.source = source;
    this.edition = edition;
    this.sourceTable = sourceTable;
    this.licence = licence;
    this.validFrom = validFrom;
    this.validTo = validTo;
  }

  public String tableId() {
    return tableId;
  }

  public int tableVersion() {
    return tableVersion;
  }

  public String rowId() {
    return rowId;
  }

  public String quantity() {
    return quantity;
  }

  public String subject() {
    return subject;
  }

  public BigDecimal value() {
    return value;
  }

  public String unit() {
    return unit;
  }

  public String source() {
    return source;
  }

  public String edition() {
    return edition;
  }

  public String sourceTable() {
    return sourceTable;
  }

  public String licence() {
    return licence;
  }

  /** The first day the row applies, or null. */
  public LocalDate validFrom() {
    return validFrom;
  }

  /** The last day the row applies, or null. */
  public LocalDate validTo() {
    return validTo;
  }

  /** Table id, version and row id: which row was used. */
  public FactorReference reference() {
    return new FactorReference(tableId, tableVersion, rowId);
  }

  /** The value with its unit. */
  public Quantity asQuantity() {
    Quantity quantity = parsed;
    if (quantity == null) {
      quantity = new Quantity(value, Unit.parse(unit));
      parsed = quantity;
    }
    return quantity;
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

  /**
   * The row as recorded in provenance and returned by the API: one shared node with its canonical
   * text attached (see {@link CanonicalJson#frozen}); callers must not change it.
   */
  public ObjectNode toJson() {
    ObjectNode cached = json;
    if (cached == null) {
      cached = CanonicalJson.frozen(buildJson());
      json = cached;
    }
    return cached;
  }

  private ObjectNode buildJson() {
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

  /**
   * Whether {@code other} says the same: every field equal, the value compared as a number ({@code
   * 48.0} and {@code 48} are the same value, as in the canonical form).
   */
  public boolean sameContent(FactorRow other) {
    return tableVersion == other.tableVersion
        && tableId.equals(other.tableId)
        && rowId.equals(other.rowId)
        && quantity.equals(other.quantity)
        && subject.equals(other.subject)
        && value.compareTo(other.value) == 0
        && unit.equals(other.unit)
        && Objects.equals(source, other.source)
        && Objects.equals(edition, other.edition)
        && Objects.equals(sourceTable, other.sourceTable)
        && Objects.equals(licence, other.licence)
        && Objects.equals(validFrom, other.validFrom)
        && Objects.equals(validTo, other.validTo);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FactorRow other
        && tableVersion == other.tableVersion
        && tableId.equals(other.tableId)
        && rowId.equals(other.rowId)
        && quantity.equals(other.quantity)
        && subject.equals(other.subject)
        && value.equals(other.value)
        && unit.equals(other.unit)
        && Objects.equals(source, other.source)
        && Objects.equals(edition, other.edition)
        && Objects.equals(sourceTable, other.sourceTable)
        && Objects.equals(licence, other.licence)
        && Objects.equals(validFrom, other.validFrom)
        && Objects.equals(validTo, other.validTo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tableId, tableVersion, rowId, value);
  }

  @Override
  public String toString() {
    return reference()
        + " "
        + quantity
        + " "
        + subject
        + " = "
        + value.toPlainString()
        + " "
        + unit;
  }
}
