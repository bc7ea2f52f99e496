package io.greenlang.runtime.catalog;

import io.greenlang.runtime.units.Unit;
import io.greenlang.runtime.units.UnknownUnitException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns text rows (a CSV file, a JSON array) into validated {@link FactorRow}s of one table
 * version, collecting every problem with the field it concerns. The same rules hold for built-in
 * and tenant tables (docs/runtime/calculations.md, "Catalog data format").
 */
public final class FactorRowParser {

  /** The fields of a row, as CSV header names and JSON member names. */
  public static final List<String> FIELDS =
      List.of(
          "rowId",
          "quantity",
          "subject",
          "value",
          "unit",
          "source",
          "edition",
          "sourceTable",
          "licence",
          "validFrom",
          "validTo");

  /** At most this many rows per table version. */
  public static final int MAX_ROWS = 100_000;

  static final Pattern ROW_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+-]{0,127}");
  static final Pattern QUANTITY = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/+-]{0,199}");
  private static final int MAX_TEXT = 500;

  private FactorRowParser() {}

  /**
   * The rows of table {@code tableId} version {@code version}.
   *
   * @throws InvalidFactorTableException listing every problem found
   */
  public static List<FactorRow> parse(String tableId, int version, List<LabelledRow> raw) {
    List<InvalidFactorTableException.Problem> problems = new ArrayList<>();
    if (raw.isEmpty()) {
      problems.add(
          new InvalidFactorTableException.Problem("rows", "a table needs at least one row"));
    }
    if (raw.size() > MAX_ROWS) {
      problems.add(
          new InvalidFactorTableException.Problem(
              "rows", raw.size() + " rows; a table version holds at most " + MAX_ROWS));
    }
    List<FactorRow> rows = new ArrayList<>(raw.size());
    Set<String> rowIds = new HashSet<>();
    Map<String, List<FactorRow>> sameKey = new HashMap<>();
    for (LabelledRow row : raw) {
      FactorRow parsed = parseRow(tableId, version, row, problems);
      if (parsed == null) {
        continue;
      }
      if (!rowIds.add(parsed.rowId())) {
        problems.add(problem(row, "rowId", "row id " + parsed.rowId() + " is used twice"));
        continue;
      }
      List<FactorRow> earlierRows =
          sameKey.computeIfAbsent(
              parsed.quantity() + '\u0000' + parsed.subject(), k -> new ArrayList<>(1));
      for (FactorRow earlier : earlierRows) {
        if (earlier.overlaps(parsed)) {
          problems.add(
              problem(
                  row,
                  "validFrom",
                  "rows "
                      + earlier.rowId()
                      + " and "
                      + parsed.rowId()
                      + " are both "
                      + parsed.quantity()
                      + " "
                      + parsed.subject()
                      + " for overlapping periods; a lookup must find exactly one"));
        }
      }
      earlierRows.add(parsed);
      rows.add(parsed);
    }
    if (!problems.isEmpty()) {
      throw new InvalidFactorTableException(problems);
    }
    return rows;
  }

  private static FactorRow parseRow(
      String tableId, int version, LabelledRow row, List<InvalidFactorTableException.Problem> out) {
    int before = out.size();
    for (String field : row.fields().keySet()) {
      if (field.equals(CsvRecords.EXTRA_CELLS)) {
        out.add(problem(row, "cells", "more cells than the header has columns"));
      } else if (!FIELDS.contains(field)) {
        out.add(problem(row, field, "unknown field; the fields are " + String.join(", ", FIELDS)));
      }
    }
    String rowId = matching(row, "rowId", ROW_ID, out);
    String quantity = matching(row, "quantity", QUANTITY, out);
    String subject = matching(row, "subject", SUBJECT, out);
    BigDecimal value = null;
    String valueText = text(row, "value");
    if (valueText == null) {
      out.add(problem(row, "value", "required"));
    } else {
      try {
        value = new BigDecimal(valueText);
      } catch (NumberFormatException e) {
        out.add(problem(row, "value", "not a decimal number: " + valueText));
      }
    }
    String unit = text(row, "unit");
    if (unit == null) {
      out.add(problem(row, "unit", "required"));
    } else {
      try {
        unit = Unit.parse(unit).symbol();
      } catch (UnknownUnitException e) {
        out.add(problem(row, "unit", e.getMessage()));
      }
    }
    String source = described(row, "source", out);
    String edition = described(row, "edition", out);
    String sourceTable = described(row, "sourceTable", out);
    String licence = described(row, "licence", out);
    LocalDate validFrom = date(row, "validFrom", out);
    LocalDate validTo = date(row, "validTo", out);
    if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
      out.add(problem(row, "validTo", validTo + " is before validFrom " + validFrom));
    }
    if (out.size() > before) {
      return null;
    }
    return new FactorRow(
        tableId,
        version,
        rowId,
        quantity,
        subject,
        value,
        unit,
        source,
        edition,
        sourceTable,
        licence,
        validFrom,
        validTo);
  }

  private static String matching(
      LabelledRow row,
      String field,
      Pattern pattern,
      List<InvalidFactorTableException.Problem> out) {
    String value = text(row, field);
    if (value == null) {
      out.add(problem(row, field, "required"));
    } else if (!pattern.matcher(value).matches()) {
      out.add(problem(row, field, "\"" + value + "\" does not match " + pattern.pattern()));
    }
    return value;
  }

  private static String described(
      LabelledRow row, String field, List<InvalidFactorTableException.Problem> out) {
    String value = text(row, field);
    if (value == null) {
      out.add(problem(row, field, "required: every factor row names its " + field));
    } else if (value.length() > MAX_TEXT) {
      out.add(problem(row, field, "longer than " + MAX_TEXT + " characters"));
    }
    return value;
  }

  private static LocalDate date(
      LabelledRow row, String field, List<InvalidFactorTableException.Problem> out) {
    String value = text(row, field);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      out.add(problem(row, field, "not an ISO date (YYYY-MM-DD): " + value));
      return null;
    }
  }

  private static String text(LabelledRow row, String field) {
    String value = row.fields().get(field);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static InvalidFactorTableException.Problem problem(
      LabelledRow row, String field, String message) {
    return new InvalidFactorTableException.Problem(row.field(field), message);
  }
}
