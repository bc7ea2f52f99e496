package io.greenlang.runtime.catalog;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tenant's own factor tables in PostgreSQL ({@code greenlang.factor_tables} and {@code
 * factor_rows}, migration V7), read and published on a connection that acts for the tenant, so
 * row-level security scopes every statement. Versions are append-only: publishing writes the next
 * version; nothing is ever updated.
 */
public final class TenantFactorTables {

  /** A table id: lower-case letters, digits, dots and hyphens, 1-100 characters. */
  public static final Pattern TABLE_ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");

  private final Connection connection;

  public TenantFactorTables(Connection connection) {
    this.connection = connection;
  }

  /** The table at {@code version}, or its latest version when {@code version} is null. */
  public Optional<FactorTable> table(String id, Integer version) {
    try {
      Optional<TableSummary> summary = summary(id, version);
      if (summary.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(load(summary.get()));
    } catch (SQLException e) {
      throw new IllegalStateException("could not read factor table " + id, e);
    }
  }

  /** Every version of every table of the tenant, by id then version. */
  public List<TableSummary> list() throws SQLException {
    List<TableSummary> tables = new ArrayList<>();
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT table_id, version, title, description, row_count, content_hash, created_at"
                    + " FROM greenlang.factor_tables ORDER BY table_id, version");
        ResultSet result = query.executeQuery()) {
      while (result.next()) {
        tables.add(summary(result));
      }
    }
    return tables;
  }

  /**
   * Publishes the next version of table {@code id}, serialised per table by a transaction-level
   * advisory lock, so concurrent publications get consecutive versions.
   */
  public TableSummary publish(String id, String title, String description, List<LabelledRow> raw)
      throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement(
            "SELECT pg_advisory_xact_lock(hashtextextended("
                + "'greenlang.factor_tables/' || greenlang.current_tenant() || '/' || ?, 0))")) {
      lock.setString(1, id);
      lock.execute();
    }
    int version = summary(id, null).map(TableSummary::version).orElse(0) + 1;
    List<FactorRow> rows = FactorRowParser.parse(id, version, raw);
    String contentHash = FactorTables.contentHash(rows);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO greenlang.factor_tables"
                + " (table_id, version, title, description, row_count, content_hash)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setInt(2, version);
      insert.setString(3, title);
      insert.setString(4, description);
      insert.setInt(5, rows.size());
      insert.setString(6, contentHash);
      insert.executeUpdate();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO greenlang.factor_rows (table_id, version, row_id, quantity, subject,"
                + " value, unit, source, edition, source_table, licence, valid_from, valid_to)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (FactorRow row : rows) {
        insert.setString(1, id);
        insert.setInt(2, version);
        insert.setString(3, row.rowId());
        insert.setString(4, row.quantity());
        insert.setString(5, row.subject());
        insert.setBigDecimal(6, row.value());
        insert.setString(7, row.unit());
        insert.setString(8, row.source());
        insert.setString(9, row.edition());
        insert.setString(10, row.sourceTable());
        insert.setString(11, row.licence());
        insert.setObject(12, row.validFrom());
        insert.setObject(13, row.validTo());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return summary(id, version).orElseThrow();
  }

  private Optional<TableSummary> summary(String id, Integer version) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT table_id, version, title, description, row_count, content_hash, created_at"
                + " FROM greenlang.factor_tables WHERE table_id = ?"
                + (version == null ? " ORDER BY version DESC LIMIT 1" : " AND version = ?"))) {
      query.setString(1, id);
      if (version != null) {
        query.setInt(2, version);
      }
      try (ResultSet result = query.executeQuery()) {
        return result.next() ? Optional.of(summary(result)) : Optional.empty();
      }
    }
  }

  private static TableSummary summary(ResultSet result) throws SQLException {
    return new TableSummary(
        result.getString(1),
        result.getInt(2),
        result.getString(3),
        result.getString(4),
        TableOrigin.TENANT,
        result.getInt(5),
        result.getString(6),
        result.getObject(7, OffsetDateTime.class));
  }

  private FactorTable load(TableSummary summary) throws SQLException {
    List<FactorRow> rows = new ArrayList<>(summary.rows());
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT row_id, quantity, subject, value, unit, source, edition, source_table,"
                + " licence, valid_from, valid_to FROM greenlang.factor_rows"
                + " WHERE table_id = ? AND version = ? ORDER BY row_id")) {
      query.setString(1, summary.id());
      query.setInt(2, summary.version());
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          rows.add(
              new FactorRow(
                  summary.id(),
                  summary.version(),
                  result.getString(1),
                  result.getString(2),
                  result.getString(3),
                  result.getBigDecimal(4),
                  result.getString(5),
                  result.getString(6),
                  result.getString(7),
                  result.getString(8),
                  result.getString(9),
                  date(result.getDate(10)),
                  date(result.getDate(11))));
        }
      }
    }
    return new FactorTable(
        summary.id(),
        summary.version(),
        summary.title(),
        summary.description(),
        TableOrigin.TENANT,
        rows);
  }

  private static LocalDate date(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
