package io.greenlang.runtime.schema.audit;

import io.greenlang.runtime.schema.RoleName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Appends to and reads tenants' audit chains over plain JDBC: the one implementation the agent
 * runtime and the operator share (docs/runtime/audit-ledger.md). Appending locks the tenant's chain
 * head, so concurrent appends of one tenant queue and the chain never forks; the database checks
 * every link, computes the hash and refuses anything that does not continue the chain, and this
 * side recomputes the hash from its own canonical form.
 *
 * <p>Connect as the tenant's login role (row level security then limits the connection to that
 * tenant), as a superuser, or as an admin that may {@code SET ROLE} to the tenant's role ({@link
 * #appendAs}). Work runs in a transaction of its own when the connection is in auto-commit mode,
 * otherwise in the caller's. Stateless and thread-safe; connections are not.
 */
public final class AuditLedgerClient {

  /** Most entries one {@link #read} returns. */
  public static final int MAX_PAGE = 1_000;

  /**
   * Appends in one statement, so that in auto-commit mode the head stays locked for one round trip:
   * lock the head, take the next sequence, the database's time read under the lock (never before
   * the previous entry's) and the previous hash from it, and let the insert trigger compute the
   * hash. No row comes back when the tenant has no head yet.
   */
  private static final String APPEND =
      "WITH head AS (SELECT last_sequence, last_hash, last_recorded_at"
          + " FROM greenlang.audit_chain_heads WHERE tenant_id = ? FOR UPDATE)"
          + " INSERT INTO greenlang.audit_events (id, tenant_id, sequence, recorded_at, actor,"
          + " event_type, target, outcome, details, previous_hash)"
          + " SELECT ?, ?, last_sequence + 1,"
          + " greatest(clock_timestamp(), last_recorded_at), ?, ?, ?, ?, ?, last_hash FROM head"
          + " RETURNING sequence, recorded_at, previous_hash, hash";

  private static final String INSERT_GENESIS_HEAD =
      "INSERT INTO greenlang.audit_chain_heads (tenant_id) VALUES (?)"
          + " ON CONFLICT (tenant_id) DO NOTHING";

  private static final String READ_HEAD =
      "SELECT last_sequence, last_hash, last_recorded_at FROM greenlang.audit_chain_heads"
          + " WHERE tenant_id = ?";

  /**
   * Appends {@code event} to its tenant's chain and returns the stored entry.
   *
   * @throws AuditTenantAccessException when the connection's role may not write that tenant's rows
   * @throws AuditPartitionMissingException when no partition covers the current month
   * @throws SQLException when the database refuses otherwise
   */
  public AuditEntry append(Connection connection, AuditEvent event) throws SQLException {
    return LedgerTransaction.run(connection, c -> appendInTransaction(c, event));
  }

  /**
   * Appends {@code events}, all of one tenant, in order and in one transaction: they become
   * consecutive entries, and one commit makes them durable together (a chain takes one commit at a
   * time, so batching is how one tenant appends faster).
   *
   * @throws AuditFieldException naming {@code events} when it is empty or spans tenants
   */
  public List<AuditEntry> appendAll(Connection connection, List<AuditEvent> events)
      throws SQLException {
    if (events == null || events.isEmpty()) {
      throw new AuditFieldException("events", "at least one event is required");
    }
    String tenant = events.get(0).tenant();
    if (events.stream().anyMatch(event -> !event.tenant().equals(tenant))) {
      throw new AuditFieldException(
          "events", "all events of one batch belong to one tenant's chain (" + tenant + ")");
    }
    return LedgerTransaction.run(
        connection,
        c -> {
          List<AuditEntry> entries = new ArrayList<>(events.size());
          for (AuditEvent event : events) {
            entries.add(appendInTransaction(c, event));
          }
          return entries;
        });
  }

  /**
   * Appends {@code event} acting as {@code tenantRole} for the one transaction: how an admin
   * connection (the operator's) writes a tenant's chain when row level security applies to it. The
   * role setting in force before is restored.
   *
   * @param admin a connection whose role may {@code SET ROLE} to {@code tenantRole}
   * @param tenantRole the login role that acts for {@code event.tenant()}
   * @throws IllegalArgumentException when {@code tenantRole} is not a valid role name
   */
  public AuditEntry appendAs(Connection admin, String tenantRole, AuditEvent event)
      throws SQLException {
    RoleName.requireValid(tenantRole);
    return LedgerTransaction.run(
        admin,
        c -> {
          String previousRole = setRole(c, tenantRole);
          AuditEntry entry = appendInTransaction(c, event);
          // After a failure the transaction is aborted and its rollback ends the role setting.
          setRole(c, previousRole);
          return entry;
        });
  }

  /**
   * The entries of {@code tenant} with sequence from {@code fromSequence} to {@code toSequence}
   * (inclusive), in sequence order, at most {@code limit}.
   *
   * @throws AuditFieldException naming {@code from}, {@code to} or {@code limit} when out of range
   * @throws AuditTenantAccessException when the connection's role does not see that tenant's rows
   */
  public List<AuditEntry> read(
      Connection connection, String tenant, long fromSequence, long toSequence, int limit)
      throws SQLException {
    AuditText.requireTenant(tenant);
    if (fromSequence < 1) {
      throw new AuditFieldException("from", "must be 1 or more, not " + fromSequence);
    }
    if (toSequence < fromSequence) {
      throw new AuditFieldException(
          "to", "must not be less than from (" + fromSequence + "), not " + toSequence);
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw new AuditFieldException("limit", "must be 1 to " + MAX_PAGE + ", not " + limit);
    }
    return LedgerTransaction.readSnapshot(
        connection,
        c -> {
          TenantAccess.require(c, tenant);
          List<AuditEntry> entries = new ArrayList<>();
          try (PreparedStatement query =
              c.prepareStatement(
                  AuditEntryColumns.SELECT
                      + " WHERE tenant_id = ? AND sequence BETWEEN ? AND ?"
                      + " ORDER BY sequence, recorded_at LIMIT ?")) {
            query.setString(1, tenant);
            query.setLong(2, fromSequence);
            query.setLong(3, toSequence);
            query.setInt(4, limit);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                entries.add(AuditEntryColumns.read(rows));
              }
            }
          }
          return entries;
        });
  }

  /**
   * The head of {@code tenant}'s chain, empty before its first entry.
   *
   * @throws AuditTenantAccessException when the connection's role does not see that tenant's rows
   */
  public Optional<ChainHead> head(Connection connection, String tenant) throws SQLException {
    AuditText.requireTenant(tenant);
    return LedgerTransaction.readSnapshot(
        connection,
        c -> {
          TenantAccess.require(c, tenant);
          return readHead(c, tenant);
        });
  }

  static Optional<ChainHead> readHead(Connection connection, String tenant) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(READ_HEAD)) {
      query.setString(1, tenant);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        OffsetDateTime last = row.getObject(3, OffsetDateTime.class);
        return Optional.of(
            new ChainHead(
                tenant, row.getLong(1), row.getString(2), last == null ? null : last.toInstant()));
      }
    }
  }

  private AuditEntry appendInTransaction(Connection connection, AuditEvent event)
      throws SQLException {
    try {
      UUID id = UUID.randomUUID();
      AuditEntry entry = insert(connection, id, event);
      if (entry == null) {
        try (PreparedStatement genesis = connection.prepareStatement(INSERT_GENESIS_HEAD)) {
          genesis.setString(1, event.tenant());
          genesis.executeUpdate();
        }
        entry = insert(connection, id, event);
        if (entry == null) {
          throw new AuditTenantAccessException(
              "The chain head of tenant "
                  + event.tenant()
                  + " is not visible to this connection's role");
        }
      }
      return entry;
    } catch (SQLException e) {
      RuntimeException known = translate(e, event);
      if (known != null) {
        throw known;
      }
      throw e;
    }
  }

  /**
   * Inserts the entry and returns it as stored, or {@code null} when the tenant has no head yet.
   * The hash the database computed is checked against this side's canonical form, so the two
   * implementations can never drift apart unnoticed.
   */
  private static AuditEntry insert(Connection connection, UUID id, AuditEvent event)
      throws SQLException {
    try (PreparedStatement append = connection.prepareStatement(APPEND)) {
      append.setString(1, event.tenant());
      append.setObject(2, id);
      append.setString(3, event.tenant());
      append.setString(4, event.actor());
      append.setString(5, event.eventType().code());
      append.setString(6, event.target());
      append.setString(7, event.outcome().code());
      append.setString(8, event.details());
      try (ResultSet stored = append.executeQuery()) {
        if (!stored.next()) {
          return null;
        }
        AuditEntry expected =
            AuditEntry.continuing(
                id,
                stored.getLong(1),
                stored.getObject(2, OffsetDateTime.class).toInstant(),
                stored.getString(3),
                event);
        String storedHash = stored.getString(4);
        if (!expected.hash().equals(storedHash)) {
          throw new IllegalStateException(
              "The database hashed audit entry "
                  + expected.sequence()
                  + " of tenant "
                  + event.tenant()
                  + " to "
                  + storedHash
                  + ", its canonical form here hashes to "
                  + expected.hash()
                  + ": the trigger greenlang.audit_events_link and AuditCanonicalForm disagree");
        }
        return expected;
      }
    }
  }

  /** Sets the role setting for the rest of the transaction and returns the one before. */
  private static String setRole(Connection connection, String role) throws SQLException {
    try (PreparedStatement set =
        connection.prepareStatement(
            "SELECT current_setting('role'), set_config('role', ?, true)")) {
      set.setString(1, role);
      try (ResultSet row = set.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  /** The exception that says what went wrong, for the failures a caller can act on; else null. */
  private static RuntimeException translate(SQLException e, AuditEvent event) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if ("42501".equals(e.getSQLState()) && message.contains("row-level security")) {
      return new AuditTenantAccessException(
          "The database role of this connection may not write the audit chain of tenant "
              + event.tenant()
              + ": it acts for another tenant or for none");
    }
    if ("23514".equals(e.getSQLState()) && message.contains("no partition of relation")) {
      return new AuditPartitionMissingException(
          "No partition of greenlang.audit_events covers the current month: the schema's owner"
              + " creates them ahead with AuditPartitions.ensureAhead (RuntimeSchema.migrate does)",
          e);
    }
    return null;
  }
}
