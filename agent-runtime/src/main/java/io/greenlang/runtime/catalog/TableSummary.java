package io.greenlang.runtime.catalog;

import java.time.OffsetDateTime;

/**
 * A table version as listed: id, version, title, origin, row count, and for tenant tables the
 * SHA-256 of its rows' canonical JSON and when it was published.
 */
public record TableSummary(
    String id,
    int version,
    String title,
    String description,
    TableOrigin origin,
    int rows,
    String contentHash,
    OffsetDateTime createdAt) {

  /** The summary of a built-in table (no publication time). */
  public static TableSummary of(FactorTable table) {
    return new TableSummary(
        table.id(),
        table.version(),
        table.title(),
        table.description(),
        table.origin(),
        table.rows().size(),
        FactorTables.contentHash(table.rows()),
        null);
  }
}
