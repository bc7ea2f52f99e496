package io.greenlang.runtime.schema.audit;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored entry of a tenant's audit chain, field for field as in {@code greenlang.audit_events}.
 * Entries read back are not trusted: {@link #computedHash()} recomputes what {@code hash} must be.
 *
 * @param id random UUID
 * @param tenant the chain's tenant
 * @param sequence position in the chain, from 1
 * @param recordedAt when it was appended (database time, microsecond precision)
 * @param actor who acted
 * @param eventType the event type's code, e.g. {@code agent.created}
 * @param target what was acted on
 * @param outcome {@code success}, {@code failure} or {@code denied}
 * @param details canonical JSON object
 * @param previousHash the hash of entry {@code sequence - 1}, or 64 zeros for the first
 * @param hash SHA-256 of the canonical form of all the other fields
 */
public record AuditEntry(
    UUID id,
    String tenant,
    long sequence,
    Instant recordedAt,
    String actor,
    String eventType,
    String target,
    String outcome,
    String details,
    String previousHash,
    String hash) {

  public AuditEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }

  /** The entry that continues a chain after ({@code sequence - 1}, {@code previousHash}). */
  static AuditEntry continuing(
      UUID id, long sequence, Instant recordedAt, String previousHash, AuditEvent event) {
    byte[] form =
        AuditCanonicalForm.bytes(
            id,
            event.tenant(),
            sequence,
            recordedAt,
            event.actor(),
            event.eventType().code(),
            event.target(),
            event.outcome().code(),
            event.details(),
            previousHash);
    return new AuditEntry(
        id,
        event.tenant(),
        sequence,
        recordedAt,
        event.actor(),
        event.eventType().code(),
        event.target(),
        event.outcome().code(),
        event.details(),
        previousHash,
        AuditCanonicalForm.sha256Hex(form));
  }

  /** The canonical form of this entry's fields (all but {@code hash}), as UTF-8 bytes. */
  public byte[] canonicalForm() {
    return AuditCanonicalForm.bytes(
        id, tenant, sequence, recordedAt, actor, eventType, target, outcome, details, previousHash);
  }

  /** What {@code hash} must be: SHA-256 of {@link #canonicalForm()} in lower-case hex. */
  public String computedHash() {
    return AuditCanonicalForm.sha256Hex(canonicalForm());
  }

  String computedHash(MessageDigest digest) {
    return AuditCanonicalForm.sha256Hex(digest, canonicalForm());
  }
}
