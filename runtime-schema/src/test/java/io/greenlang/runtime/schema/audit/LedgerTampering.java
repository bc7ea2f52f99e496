package io.greenlang.runtime.schema.audit;

import static io.greenlang.runtime.schema.audit.LedgerDatabase.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An attacker with superuser access: a session with {@code session_replication_role = replica} (no
 * triggers, no foreign key checks) that has also dropped the ledger's CHECK constraints, so any
 * value a column's type accepts can be written. What tests use to change entries behind the
 * ledger's back.
 */
final class LedgerTampering implements AutoCloseable {

  /** Every column of the ledger with its type, in table order. */
  static final List<String[]> COLUMNS =
      List.of(
          new String[] {"id", "uuid"},
          new String[] {"tenant_id", "text"},
          new String[] {"sequence", "bigint"},
          new String[] {"recorded_at", "timestamptz"},
          new String[] {"actor", "text"},
          new String[] {"event_type", "text"},
          new String[] {"target", "text"},
          new String[] {"outcome", "text"},
          new String[] {"details", "text"},
          new String[] {"previous_hash", "text"},
          new String[] {"hash", "text"});

  private final Connection superuser;

  LedgerTampering(LedgerDatabase ledger) throws SQLException {
    superuser = ledger.asSuperuser();
    execute(superuser, "SET session_replication_role = replica", "SET TimeZone = 'UTC'");
    List<String> checks = new ArrayList<>();
    try (Statement statement = superuser.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT conname FROM pg_constraint WHERE contype = 'c'"
                    + " AND conrelid = 'greenlang.audit_events'::regclass")) {
      while (rows.next()) {
        checks.add(rows.getString(1));
      }
    }
    for (String check : checks) {
      execute(superuser, "ALTER TABLE greenlang.audit_events DROP CONSTRAINT " + check);
    }
  }

  /** The column's value of the entry with this id, as PostgreSQL prints it (time in UTC). */
  String read(String column, UUID id) throws SQLException {
    try (PreparedStatement query =
        superuser.prepareStatement(
            "SELECT " + column + "::text FROM greenlang.audit_events WHERE id = ?")) {
      query.setObject(1, id);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  /**
   * Sets the column of the entry with this id to {@code value} (its text form), creating the
   * partition a changed time needs; returns the entry's id afterwards.
   *
   * @throws SQLException when the column's type does not accept the value
   */
  UUID write(String column, String type, UUID id, String value) throws SQLException {
    try {
      return update(column, type, id, value);
    } catch (SQLException e) {
      if (!"timestamptz".equals(type) || !String.valueOf(e.getMessage()).contains("no partition")) {
        throw e;
      }
      try (PreparedStatement create =
          superuser.prepareStatement(
              "SELECT greenlang.create_audit_partitions("
                  + "(?::timestamptz AT TIME ZONE 'UTC')::date,"
                  + " (?::timestamptz AT TIME ZONE 'UTC')::date)")) {
        create.setString(1, value);
        create.setString(2, value);
        create.execute();
      }
      return update(column, type, id, value);
    }
  }

  private UUID update(String column, String type, UUID id, String value) throws SQLException {
    try (PreparedStatement update =
        superuser.prepareStatement(
            "UPDATE greenlang.audit_events SET "
                + column
                + " = ?::"
                + type
                + " WHERE id = ? RETURNING id")) {
      update.setString(1, value);
      update.setObject(2, id);
      try (ResultSet row = update.executeQuery()) {
        row.next();
        return row.getObject(1, UUID.class);
      }
    }
  }

  void delete(UUID id) throws SQLException {
    try (PreparedStatement delete =
        superuser.prepareStatement("DELETE FROM greenlang.audit_events WHERE id = ?")) {
      delete.setObject(1, id);
      delete.executeUpdate();
    }
  }

  /** Puts an entry back (or in) exactly as given, with no trigger checking it. */
  void insert(AuditEntry entry) throws SQLException {
    try (PreparedStatement insert =
        superuser.prepareStatement(
            "INSERT INTO greenlang.audit_events (id, tenant_id, sequence, recorded_at, actor,"
                + " event_type, target, outcome, details, previous_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, entry.id());
      insert.setString(2, entry.tenant());
      insert.setLong(3, entry.sequence());
      insert.setObject(4, OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC));
      insert.setString(5, entry.actor());
      insert.setString(6, entry.eventType());
      insert.setString(7, entry.target());
      insert.setString(8, entry.outcome());
      insert.setString(9, entry.details());
      insert.setString(10, entry.previousHash());
      insert.setString(11, entry.hash());
      insert.executeUpdate();
    }
  }

  void setHead(String tenant, long sequence, String hash) throws SQLException {
    try (PreparedStatement update =
        superuser.prepareStatement(
            "UPDATE greenlang.audit_chain_heads SET last_sequence = ?, last_hash = ?"
                + " WHERE tenant_id = ?")) {
      update.setLong(1, sequence);
      update.setString(2, hash);
      update.setString(3, tenant);
      update.executeUpdate();
    }
  }

  /**
   * Other characters to put in place of {@code c}: for a digit the other digits, for a letter the
   * other letters of its case, for anything else a few that differ; the first one the column's type
   * accepts is used.
   */
  static List<Character> replacements(char c) {
    List<Character> replacements = new ArrayList<>();
    if (c >= '0' && c <= '9') {
      for (int i = 1; i < 10; i++) {
        replacements.add((char) ('0' + (c - '0' + i) % 10));
      }
    } else if (c >= 'a' && c <= 'z') {
      for (int i = 1; i < 26; i++) {
        replacements.add((char) ('a' + (c - 'a' + i) % 26));
      }
    } else if (c >= 'A' && c <= 'Z') {
      for (int i = 1; i < 26; i++) {
        replacements.add((char) ('A' + (c - 'A' + i) % 26));
      }
    } else {
      replacements.add(c == 'x' ? 'y' : 'x');
      replacements.add(c == '0' ? '1' : '0');
    }
    return replacements;
  }

  @Override
  public void close() throws SQLException {
    superuser.close();
  }
}
