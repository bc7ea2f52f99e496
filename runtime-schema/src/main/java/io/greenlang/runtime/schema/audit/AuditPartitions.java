package io.greenlang.runtime.schema.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly partitions of {@code greenlang.audit_events} (UTC months, named {@code
 * audit_events_yYYYYmMM}): created ahead of time, and dropped only when every entry in them is
 * older than the 7-year retention. Connect as the schema's owner or a superuser.
 */
public final class AuditPartitions {

  /** How many months ahead {@code RuntimeSchema.migrate} keeps partitions. */
  public static final int DEFAULT_MONTHS_AHEAD = 12;

  private AuditPartitions() {}

  /**
   * Creates the missing partitions for the current month (in UTC, by the database's clock) and the
   * next {@code monthsAhead} months; idempotent.
   *
   * @return how many partitions were created
   * @throws IllegalArgumentException when {@code monthsAhead} is not 0 to 120
   * @throws SQLException when the role may not create them (it must own the table)
   */
  public static int ensureAhead(Connection admin, int monthsAhead) throws SQLException {
    if (monthsAhead < 0 || monthsAhead > 120) {
      throw new IllegalArgumentException("monthsAhead must be 0 to 120, not " + monthsAhead);
    }
    try (PreparedStatement create =
        admin.prepareStatement(
            "SELECT greenlang.create_audit_partitions((now() AT TIME ZONE 'UTC')::date,"
                + " ((now() AT TIME ZONE 'UTC') + make_interval(months => ?))::date)")) {
      create.setInt(1, monthsAhead);
      try (ResultSet result = create.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }

  /**
   * The months of the existing partitions, oldest first, e.g. {@code 2026-11}.
   *
   * @throws SQLException when a statement fails
   */
  public static List<String> months(Connection connection) throws SQLException {
    List<String> months = new ArrayList<>();
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT substring(c.relname FROM 'y([0-9]{4})m') || '-'"
                    + " || substring(c.relname FROM 'm([0-9]{2})$')"
                    + " FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid"
                    + " WHERE i.inhparent = 'greenlang.audit_events'::regclass ORDER BY 1");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        months.add(rows.getString(1));
      }
    }
    return months;
  }

  /**
   * Drops the partitions whose every entry is older than 7 years: the only way an audit entry ever
   * leaves the database. Verify later chains from an anchor taken before
   * (docs/runtime/audit-ledger.md).
   *
   * @return the names of the dropped partitions
   * @throws SQLException when a statement fails
   */
  public static List<String> dropExpired(Connection admin) throws SQLException {
    List<String> dropped = new ArrayList<>();
    try (PreparedStatement drop =
            admin.prepareStatement("SELECT greenlang.drop_expired_audit_partitions()");
        ResultSet rows = drop.executeQuery()) {
      while (rows.next()) {
        dropped.add(rows.getString(1));
      }
    }
    return dropped;
  }
}
