package io.greenlang.runtime.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a factor table: its id, version, title and description, where it comes from, and
 * its rows, indexed by quantity and subject. A version never changes once published; a change is a
 * new version.
 */
public final class FactorTable {

  private final String id;
  private final int version;
  private final String title;
  private final String description;
  private final TableOrigin origin;
  private final List<FactorRow> rows;
  private final Map<String, List<FactorRow>> byQuantityAndSubject = new HashMap<>();
  private final Map<String, FactorRow> byRowId = new LinkedHashMap<>();

  public FactorTable(
      String id,
      int version,
      String title,
      String description,
      TableOrigin origin,
      List<FactorRow> rows) {
    this.id = Objects.requireNonNull(id, "id");
    this.version = version;
    this.title = Objects.requireNonNull(title, "title");
    this.description = description;
    this.origin = Objects.requireNonNull(origin, "origin");
    this.rows = List.copyOf(rows);
    for (FactorRow row : this.rows) {
      if (!row.tableId().equals(id) || row.tableVersion() != version) {
        throw new IllegalArgumentException(
            "row " + row.reference() + " does not belong to table " + id + "@" + version);
      }
      byQuantityAndSubject
          .computeIfAbsent(key(row.quantity(), row.subject()), k -> new ArrayList<>(1))
          .add(row);
      byRowId.put(row.rowId(), row);
    }
  }

  public String id() {
    return id;
  }

  public int version() {
    return version;
  }

  public String title() {
    return title;
  }

  /** What the table is, where it comes from; may be null for tenant tables. */
  public String description() {
    return description;
  }

  public TableOrigin origin() {
    return origin;
  }

  public List<FactorRow> rows() {
    return rows;
  }

  /** The row with {@code rowId}. */
  public Optional<FactorRow> row(String rowId) {
    return Optional.ofNullable(byRowId.get(rowId));
  }

  /**
   * The row of {@code quantity} and {@code subject} valid on {@code asOf} (any date when null).
   *
   * @throws FactorLookupException when several rows match
   */
  public Optional<FactorRow> find(String quantity, String subject, LocalDate asOf) {
    List<FactorRow> candidates = byQuantityAndSubject.get(key(quantity, subject));
    if (candidates == null) {
      return Optional.empty();
    }
    FactorRow match = null;
    for (FactorRow row : candidates) {
      if (asOf == null || row.validOn(asOf)) {
        if (match != null) {
          throw new FactorLookupException(
              FactorLookupException.Reason.AMBIGUOUS,
              "table "
                  + id
                  + "@"
                  + version
                  + " has several rows for "
                  + quantity
                  + " "
                  + subject
                  + (asOf == null
                      ? " (for different periods): give the date the calculation is for"
                      : " valid on " + asOf));
        }
        match = row;
      }
    }
    return Optional.ofNullable(match);
  }

  private static String key(String quantity, String subject) {
    return quantity + '\u0000' + subject;
  }
}
