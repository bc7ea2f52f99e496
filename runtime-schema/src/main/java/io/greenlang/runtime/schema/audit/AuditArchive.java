package io.greenlang.runtime.schema.audit;

import io.greenlang.runtime.schema.RoleName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps a tenant's audit chain when the database holding it is dropped: copies the chain entry for
 * entry, hashes unchanged, into {@code greenlang.audit_archive_entries} of another database (the
 * Region's shared one), checking every link on the way, and verifies archived chains later with the
 * same canonical form (docs/runtime/audit-ledger.md, "Deleting a tenant").
 *
 * <p>The archive connection must belong to the schema's owner (the archive tables grant nothing to
 * anyone else). The source connection must see the tenant's rows: a superuser, or an admin that may
 * {@code SET ROLE} to the tenant's login role (pass that role). Both connections in auto-commit
 * mode. Stateless and thread-safe.
 */
public final class AuditArchive {

  private static final int BATCH = 1_000;

  private static final String ARCHIVE_COLUMNS =
      "archive_id, tenant, source, reason, archived_at, entries, first_sequence, anchor_hash,"
          + " last_sequence, last_hash, last_recorded_at, intact, broken_link";

  private static final String INSERT_ENTRY =
      "INSERT INTO greenlang.audit_archive_entries (archive_id, position, id, tenant, sequence,"
          + " recorded_at, actor, event_type, target, outcome, details, previous_hash, hash)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final AuditChainVerifier chains = new AuditChainVerifier();

  /**
   * Copies {@code tenant}'s chain from {@code source} into {@code archive} in one archive
   * transaction, reading the chain and its head in one snapshot. Idempotent: when the archive holds
   * this chain already (same tenant, source and head), returns that copy.
   *
   * @param sourceRole the tenant's login role to act as on {@code source}, or {@code null} when the
   *     connection's role sees the tenant's rows itself (a superuser)
   * @param sourceDescription where the chain is, e.g. {@code db.example:5432/gl_acme}
   * @param reason why it is archived, e.g. {@code Tenant acme deleted (deletionPolicy Delete)}
   * @return the archived chain; empty when the tenant has no entries
   * @throws AuditTenantAccessException when the source connection does not see the tenant's rows
   */
  public Optional<ArchivedChain> export(
      Connection source,
      String sourceRole,
      String tenant,
      Connection archive,
      String sourceDescription,
      String reason)
      throws SQLException {
    AuditText.requireTenant(tenant);
    if (sourceRole != null) {
      RoleName.requireValid(sourceRole);
    }
    return LedgerTransaction.readSnapshot(
        source,
        c -> {
          if (sourceRole != null) {
            try (PreparedStatement role =
                c.prepareStatement("SELECT set_config('role', ?, true)")) {
              role.setString(1, sourceRole);
              role.executeQuery().close();
            }
          }
          TenantAccess.require(c, tenant);
          Optional<ChainHead> head = AuditLedgerClient.readHead(c, tenant);
          if (head.isEmpty() || head.get().lastSequence() == 0) {
            return Optional.empty();
          }
          Optional<ArchivedChain> kept = find(archive, tenant, sourceDescription, head.get());
          if (kept.isPresent()) {
            return kept;
          }
          return Optional.of(
              LedgerTransaction.run(
                  archive, a -> copy(c, a, tenant, head.get(), sourceDescription, reason)));
        });
  }

  /**
   * Walks an archived chain from its first entry (or {@code from}) to the head it had in the
   * tenant's database and reports the first broken link, as {@link AuditChainVerifier} does for a
   * live chain.
   *
   * @throws AuditFieldException naming {@code archiveId} when there is no such archive
   */
  public ChainVerification verify(Connection archive, UUID archiveId) throws SQLException {
    return verify(archive, archiveId, null);
  }

  /**
   * As {@link #verify(Connection, UUID)}, from a trusted anchor ({@code null}: its first entry).
   */
  public ChainVerification verify(Connection archive, UUID archiveId, ChainAnchor from)
      throws SQLException {
    return LedgerTransaction.readSnapshot(
        archive,
        c -> {
          ArchivedChain chain =
              read(c, "archive_id = ?", archiveId).stream()
                  .findFirst()
                  .orElseThrow(
                      () -> new AuditFieldException("archiveId", "no archived chain " + archiveId));
          ChainAnchor anchor = from == null ? chain.anchor() : from;
          ChainWalk walk = new ChainWalk(anchor);
          try (PreparedStatement entries =
              c.prepareStatement(
                  "SELECT id, tenant, sequence, recorded_at, actor, event_type, target, outcome,"
                      + " details, previous_hash, hash FROM greenlang.audit_archive_entries"
                      + " WHERE archive_id = ? AND sequence > ? ORDER BY position")) {
            entries.setFetchSize(AuditChainVerifier.FETCH_SIZE);
            entries.setObject(1, archiveId);
            entries.setLong(2, anchor.sequence());
            try (ResultSet rows = entries.executeQuery()) {
              while (walk.broken() == null && rows.next()) {
                walk.check(AuditEntryColumns.read(rows));
              }
            }
          }
          if (walk.broken() == null) {
            walk.checkEnd(chain.head());
          }
          return walk.result(chain.tenant(), anchor, chain.head());
        });
  }

  /** The archived chains of {@code tenant}, oldest first. */
  public List<ArchivedChain> archives(Connection archive, String tenant) throws SQLException {
    AuditText.requireTenant(tenant);
    return read(archive, "tenant = ?", tenant);
  }

  private ArchivedChain copy(
      Connection source,
      Connection archive,
      String tenant,
      ChainHead head,
      String sourceDescription,
      String reason)
      throws SQLException {
    UUID archiveId = UUID.randomUUID();
    Copy copy = new Copy(archiveId);
    try (PreparedStatement insert = archive.prepareStatement(INSERT_ENTRY)) {
      chains.forEachEntry(
          source,
          tenant,
          0,
          entry -> {
            copy.add(insert, entry);
            return true;
          });
      insert.executeBatch();
    }
    if (copy.first == null) {
      throw new IllegalStateException(
          "The audit chain head of tenant "
              + tenant
              + " names entry "
              + head.lastSequence()
              + " but no entry is visible: nothing to archive");
    }
    if (copy.walk.broken() == null) {
      copy.walk.checkEnd(head);
    }
    BrokenLink broken = copy.walk.broken();
    try (PreparedStatement row =
        archive.prepareStatement(
            "INSERT INTO greenlang.audit_archives (archive_id, tenant, source, reason, entries,"
                + " first_sequence, anchor_hash, last_sequence, last_hash, last_recorded_at,"
                + " intact, broken_link) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      row.setObject(1, archiveId);
      row.setString(2, tenant);
      row.setString(3, sourceDescription);
      row.setString(4, reason);
      row.setLong(5, copy.position);
      row.setLong(6, copy.first.sequence());
      row.setString(7, copy.first.previousHash());
      row.setLong(8, head.lastSequence());
      row.setString(9, head.lastHash());
      row.setObject(10, OffsetDateTime.ofInstant(head.lastRecordedAt(), ZoneOffset.UTC));
      row.setBoolean(11, broken == null);
      row.setString(12, broken == null ? null : broken.message());
      row.executeUpdate();
    }
    return read(archive, "archive_id = ?", archiveId).get(0);
  }

  /** The state of one copy: entries batched into the archive, and checked as they pass. */
  private static final class Copy {
    private final UUID archiveId;
    private long position;
    private AuditEntry first;
    private ChainWalk walk;

    Copy(UUID archiveId) {
      this.archiveId = archiveId;
    }

    void add(PreparedStatement insert, AuditEntry entry) throws SQLException {
      if (first == null) {
        first = entry;
        // The chain starts at entry 1, or after entries that retention removed.
        walk =
            new ChainWalk(
                entry.sequence() <= 1
                    ? ChainAnchor.GENESIS
                    : new ChainAnchor(entry.sequence() - 1, entry.previousHash()));
      }
      if (walk.broken() == null) {
        walk.check(entry);
      }
      position++;
      int i = 1;
      insert.setObject(i++, archiveId);
      insert.setLong(i++, position);
      insert.setObject(i++, entry.id());
      insert.setString(i++, entry.tenant());
      insert.setLong(i++, entry.sequence());
      insert.setObject(i++, OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC));
      insert.setString(i++, entry.actor());
      insert.setString(i++, entry.eventType());
      insert.setString(i++, entry.target());
      insert.setString(i++, entry.outcome());
      insert.setString(i++, entry.details());
      insert.setString(i++, entry.previousHash());
      insert.setString(i, entry.hash());
      insert.addBatch();
      if (position % BATCH == 0) {
        insert.executeBatch();
      }
    }
  }

  private static Optional<ArchivedChain> find(
      Connection archive, String tenant, String source, ChainHead head) throws SQLException {
    try (PreparedStatement query =
        archive.prepareStatement(
            "SELECT "
                + ARCHIVE_COLUMNS
                + " FROM greenlang.audit_archives WHERE tenant = ? AND source = ?"
                + " AND last_sequence = ? AND last_hash = ?")) {
      query.setString(1, tenant);
      query.setString(2, source);
      query.setLong(3, head.lastSequence());
      query.setString(4, head.lastHash());
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(archived(row)) : Optional.empty();
      }
    }
  }

  private static List<ArchivedChain> read(Connection archive, String condition, Object value)
      throws SQLException {
    List<ArchivedChain> chains = new ArrayList<>();
    try (PreparedStatement query =
        archive.prepareStatement(
            "SELECT "
                + ARCHIVE_COLUMNS
                + " FROM greenlang.audit_archives WHERE "
                + condition
                + " ORDER BY archived_at, archive_id")) {
      query.setObject(1, value);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          chains.add(archived(rows));
        }
      }
    }
    return chains;
  }

  private static ArchivedChain archived(ResultSet row) throws SQLException {
    return new ArchivedChain(
        row.getObject(1, UUID.class),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getObject(5, OffsetDateTime.class).toInstant(),
        row.getLong(6),
        row.getLong(7),
        row.getString(8),
        row.getLong(9),
        row.getString(10),
        row.getObject(11, OffsetDateTime.class).toInstant(),
        row.getBoolean(12),
        row.getString(13));
  }
}
