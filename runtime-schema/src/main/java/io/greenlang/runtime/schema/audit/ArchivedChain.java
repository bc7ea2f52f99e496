package io.greenlang.runtime.schema.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's audit chain as kept in {@code greenlang.audit_archives} after its database was
 * dropped: where it came from, where it ended, and whether it verified when it was copied.
 *
 * @param archiveId the archive's id
 * @param tenant the chain's tenant
 * @param source where the chain was (server and database)
 * @param reason why it was archived
 * @param archivedAt when it was copied (the archive database's clock)
 * @param entries how many entries were copied
 * @param firstSequence the first entry's sequence (1 unless retention had removed older entries)
 * @param anchorHash the first entry's {@code previous_hash} (64 zeros for entry 1)
 * @param lastSequence where the chain's head said it ended
 * @param lastHash the hash the head named
 * @param lastRecordedAt the last entry's time, from which the 7-year retention counts
 * @param intact whether the chain verified from its first entry to its head when copied
 * @param brokenLink the first broken link found when copied, {@code null} when intact
 */
public record ArchivedChain(
    UUID archiveId,
    String tenant,
    String source,
    String reason,
    Instant archivedAt,
    long entries,
    long firstSequence,
    String anchorHash,
    long lastSequence,
    String lastHash,
    Instant lastRecordedAt,
    boolean intact,
    String brokenLink) {

  /** Where verifying the archived chain starts: the genesis, or before its first entry. */
  public ChainAnchor anchor() {
    return firstSequence == 1
        ? ChainAnchor.GENESIS
        : new ChainAnchor(firstSequence - 1, anchorHash);
  }

  /** The chain's head as it was in the tenant's database. */
  public ChainHead head() {
    return new ChainHead(tenant, lastSequence, lastHash, lastRecordedAt);
  }
}
