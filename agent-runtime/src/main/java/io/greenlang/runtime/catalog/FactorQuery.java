package io.greenlang.runtime.catalog;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a calculation asks the catalog for: the row of {@code quantity} and {@code subject} in table
 * {@code tableId}, at {@code version} (null: the latest), valid on {@code asOf} (null: any date,
 * which is ambiguous when the table holds the row for several periods).
 */
public record FactorQuery(
    String tableId, Integer version, String quantity, String subject, LocalDate asOf) {

  public FactorQuery {
    Objects.requireNonNull(tableId, "tableId");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(subject, "subject");
  }

  /** The query against {@code table}. */
  public static FactorQuery in(TableRef table, String quantity, String subject, LocalDate asOf) {
    return new FactorQuery(table.id(), table.version(), quantity, subject, asOf);
  }

  /** The same query for another subject (a fallback such as a CN code without country). */
  public FactorQuery withSubject(String otherSubject) {
    return new FactorQuery(tableId, version, quantity, otherSubject, asOf);
  }

  @Override
  public String toString() {
    return quantity
        + " "
        + subject
        + " in table "
        + tableId
        + (version == null ? "" : " version " + version)
        + (asOf == null ? "" : " valid on " + asOf);
  }
}
