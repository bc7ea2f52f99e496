package io.greenlang.runtime.api.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.greenlang.runtime.schema.audit.AuditCanonicalForm;
import io.greenlang.runtime.schema.audit.AuditEntry;

/**
 * An audit entry as the REST API shows it: every hashed field as the canonical form writes it (time
 * with six fraction digits in UTC) and {@code details} as the stored canonical JSON object, so an
 * auditor can recompute {@code hash} from the response alone.
 */
public record AuditEntryView(
    String id,
    String tenant,
    long sequence,
    String recordedAt,
    String actor,
    String eventType,
    String target,
    String outcome,
    @JsonRawValue String details,
    String previousHash,
    String hash) {

  static AuditEntryView of(AuditEntry entry) {
    return new AuditEntryView(
        entry.id().toString(),
        entry.tenant(),
        entry.sequence(),
        AuditCanonicalForm.formatTime(entry.recordedAt()),
        entry.actor(),
        entry.eventType(),
        entry.target(),
        entry.outcome(),
        entry.details(),
        entry.previousHash(),
        entry.hash());
  }
}
