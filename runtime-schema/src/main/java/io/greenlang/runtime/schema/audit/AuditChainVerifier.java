package io.greenlang.runtime.schema.audit;

import java.security.MessageDigest;
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
    Walk walk = new Walk(from);
    AuditEntry last = null;
    boolean more = true;
    while (more && walk.broken == null) {
      int read = 0;
      try (PreparedStatement page =
          connection.prepareStatement(last == null ? firstPage : nextPage)) {
        page.setFetchSize(FETCH_SIZE);
        page.setString(1, tenant);
        if (last == null) {
          page.setLong(2, from.sequence());
        } else {
          page.setLong(2, last.sequence());
          page.setObject(3, OffsetDateTime.ofInstant(last.recordedAt(), ZoneOffset.UTC));
        }
        try (ResultSet rows = page.executeQuery()) {
          while (walk.broken == null && rows.next()) {
            last = AuditEntryColumns.read(rows);
            read++;
            walk.check(last);
          }
        }
      }
      more = read == pageSize;
    }
    ChainHead head = AuditLedgerClient.readHead(connection, tenant).orElse(null);
    if (walk.broken == null) {
      walk.checkEnd(head);
    }
    return new ChainVerification(
        tenant, walk.broken == null, from, walk.checked, walk.lastVerified, head, walk.broken);
  }

  /** The state of one walk along a chain. */
  private static final class Walk {
    private final MessageDigest digest = AuditCanonicalForm.newDigest();
    private ChainAnchor lastVerified;
    private long checked;
    private BrokenLink broken;

    Walk(ChainAnchor from) {
      this.lastVerified = from;
    }

    void check(AuditEntry entry) {
      checked++;
      long expected = lastVerified.sequence() + 1;
      if (entry.sequence() > expected) {
        broken =
            new BrokenLink(
                expected,
                entry.id(),
                LinkProblem.MISSING_SEQUENCE,
                Long.toString(expected),
                Long.toString(entry.sequence()),
                "Entry "
                    + expected
                    + " is missing: after entry "
                    + lastVerified.sequence()
                    + " comes entry "
                    + entry.sequence()
                    + " (id "
                    + entry.id()
                    + ")");
      } else if (entry.sequence() < expected) {
        broken =
            new BrokenLink(
                entry.sequence(),
                entry.id(),
                LinkProblem.UNEXPECTED_SEQUENCE,
                Long.toString(expected),
                Long.toString(entry.sequence()),
                "Entry "
                    + entry.sequence()
                    + " (id "
                    + entry.id()
                    + ") appears again or out of order after entry "
                    + lastVerified.sequence());
      } else if (!entry.previousHash().equals(lastVerified.hash())) {
        broken =
            new BrokenLink(
                entry.sequence(),
                entry.id(),
                LinkProblem.PREVIOUS_HASH_MISMATCH,
                lastVerified.hash(),
                entry.previousHash(),
                "Entry "
                    + entry.sequence()
                    + " (id "
                    + entry.id()
                    + ") names previous hash "
                    + entry.previousHash()
                    + ", but entry "
                    + lastVerified.sequence()
                    + " hashes to "
                    + lastVerified.hash());
      } else {
        String computed = entry.computedHash(digest);
        if (!computed.equals(entry.hash())) {
          broken =
              new BrokenLink(
                  entry.sequence(),
                  entry.id(),
                  LinkProblem.HASH_MISMATCH,
                  computed,
                  entry.hash(),
                  "Entry "
                      + entry.sequence()
                      + " (id "
                      + entry.id()
                      + ") was changed: its stored hash is "
                      + entry.hash()
                      + ", its fields hash to "
                      + computed);
        } else {
          lastVerified = new ChainAnchor(entry.sequence(), entry.hash());
        }
      }
    }

    /** The walk ended without a break: the last entry must be the one the head names. */
    void checkEnd(ChainHead head) {
      long last = lastVerified.sequence();
      long headSequence = head == null ? 0 : head.lastSequence();
      if (headSequence > last) {
        broken =
            new BrokenLink(
                last + 1,
                null,
                LinkProblem.MISSING_SEQUENCE,
                Long.toString(last + 1),
                "none",
                "The chain ends at entry "
                    + last
                    + " but its head names entry "
                    + headSequence
                    + ": entries "
                    + (last + 1)
                    + " to "
                    + headSequence
                    + " are missing");
      } else if (headSequence < last
          || (last > 0 && !head.lastHash().equals(lastVerified.hash()))) {
        broken =
            new BrokenLink(
                last,
                null,
                LinkProblem.HEAD_MISMATCH,
                head == null ? "no head" : head.lastSequence() + " " + head.lastHash(),
                last + " " + lastVerified.hash(),
                "The chain ends at entry "
                    + last
                    + " with hash "
                    + lastVerified.hash()
                    + ", but its head names "
                    + (head == null
                        ? "nothing"
                        : "entry " + head.lastSequence() + " with hash " + head.lastHash()));
      }
    }
  }
}
