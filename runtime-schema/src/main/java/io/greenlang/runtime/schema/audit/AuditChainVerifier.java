package io.greenlang.runtime.schema.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Walks a tenant's audit chain in sequence order and reports the first broken link: an entry whose
 * hash is not the SHA-256 of its canonical form, whose previous hash is not its predecessor's hash,
 * a missing or repeated sequence, or a chain that does not end where its head says. Reads the
 * entries in pages of {@value #PAGE} along the key, each through a cursor of {@value #FETCH_SIZE}
 * rows, so memory stays constant on both sides for any chain length; reads chain and head in one
 * snapshot when the connection is in auto-commit mode.
 */
public final class AuditChainVerifier {

  static final int FETCH_SIZE = 1_000;

  /**
   * Entries per query. Pages follow the key {@code (tenant_id, sequence, recorded_at)} of each
   * partition (a merge of index scans): one query over a whole chain would have the server sort it.
   * {@code (sequence, recorded_at)} is unique, as the partition a row is in follows from its time.
   */
  static final int PAGE = 10_000;

  private final int pageSize;
  private final String firstPage;
  private final String nextPage;

  public AuditChainVerifier() {
    this(PAGE);
  }

  /** With another page size: pages of a few entries let tests cross page boundaries. */
  AuditChainVerifier(int pageSize) {
    this.pageSize = pageSize;
    this.firstPage =
        AuditEntryColumns.SELECT
            + " WHERE tenant_id = ? AND sequence > ? ORDER BY sequence, recorded_at LIMIT "
            + pageSize;
    this.nextPage =
        AuditEntryColumns.SELECT
            + " WHERE tenant_id = ? AND (sequence, recorded_at) > (?, ?)"
            + " ORDER BY sequence, recorded_at LIMIT "
            + pageSize;
  }

  /** Verifies {@code tenant}'s whole chain, from the genesis. */
  public ChainVerification verify(Connection connection, String tenant) throws SQLException {
    return verify(connection, tenant, ChainAnchor.GENESIS);
  }

  /**
   * Verifies the entries of {@code tenant}'s chain after {@code from}: the first must have sequence
   * {@code from.sequence() + 1} and previous hash {@code from.hash()}.
   *
   * @throws AuditTenantAccessException when the connection's role does not see that tenant's rows
   */
  public ChainVerification verify(Connection connection, String tenant, ChainAnchor from)
      throws SQLException {
    AuditText.requireTenant(tenant);
    return LedgerTransaction.readSnapshot(
        connection,
        c -> {
          TenantAccess.require(c, tenant);
          return walk(c, tenant, from);
        });
  }

  private ChainVerification walk(Connection connection, String tenant, ChainAnchor from)
      throws SQLException {
    ChainWalk walk = new ChainWalk(from);
    forEachEntry(
        connection,
        tenant,
        from.sequence(),
        entry -> {
          walk.check(entry);
          return walk.broken() == null;
        });
    ChainHead head = AuditLedgerClient.readHead(connection, tenant).orElse(null);
    if (walk.broken() == null) {
      walk.checkEnd(head);
    }
    return walk.result(tenant, from, head);
  }

  /** Sees one entry; returns whether to go on. */
  @FunctionalInterface
  interface EntryVisitor {
    boolean visit(AuditEntry entry) throws SQLException;
  }

  /**
   * Hands {@code tenant}'s entries with sequence above {@code afterSequence} to {@code visitor} in
   * chain order (sequence, then time), page by page along the key, until it says stop.
   */
  void forEachEntry(Connection connection, String tenant, long afterSequence, EntryVisitor visitor)
      throws SQLException {
    AuditEntry last = null;
    boolean more = true;
    while (more) {
      int read = 0;
      try (PreparedStatement page =
          connection.prepareStatement(last == null ? firstPage : nextPage)) {
        page.setFetchSize(FETCH_SIZE);
        page.setString(1, tenant);
        if (last == null) {
          page.setLong(2, afterSequence);
        } else {
          page.setLong(2, last.sequence());
          page.setObject(3, OffsetDateTime.ofInstant(last.recordedAt(), ZoneOffset.UTC));
        }
        try (ResultSet rows = page.executeQuery()) {
          while (rows.next()) {
            last = AuditEntryColumns.read(rows);
            read++;
            if (!visitor.visit(last)) {
              return;
            }
          }
        }
      }
      more = read == pageSize;
    }
  }
}
