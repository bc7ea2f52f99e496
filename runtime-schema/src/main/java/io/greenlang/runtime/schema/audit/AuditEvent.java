package io.greenlang.runtime.schema.audit;

import java.nio.charset.StandardCharsets;

/**
 * Something to record in a tenant's audit chain: who ({@code actor}) did what ({@code eventType})
 * to what ({@code target}), how it ended, and details as a JSON object. Validated and with {@code
 * details} in canonical JSON once constructed; the ledger adds id, sequence, time and hashes.
 *
 * @param tenant the tenant whose chain records it
 * @param actor who acted, e.g. {@code user:alice@example.com} or {@code agent:cbam-importer}
 * @param eventType one of the audit event types
 * @param target what was acted on, e.g. {@code calculation:3f2a…} or {@code agent:cbam-importer}
 * @param outcome how it ended
 * @param details a JSON object, stored as canonical JSON; {@code null} means {@code {}}
 */
public record AuditEvent(
    String tenant,
    String actor,
    AuditEventType eventType,
    String target,
    AuditOutcome outcome,
    String details) {

  /** The most UTF-8 bytes the canonical details may take. */
  public static final int DETAILS_MAX_BYTES = 65_536;

  /**
   * Validates every field and puts {@code details} in canonical form.
   *
   * @throws AuditFieldException naming the first invalid field
   */
  public AuditEvent {
    tenant = AuditText.requireTenant(tenant);
    actor = AuditText.require("actor", actor, AuditText.ACTOR_MAX_LENGTH);
    if (eventType == null) {
      throw new AuditFieldException("eventType", "is required, one of the audit event types");
    }
    target = AuditText.require("target", target, AuditText.TARGET_MAX_LENGTH);
    if (outcome == null) {
      throw new AuditFieldException("outcome", "is required: success, failure or denied");
    }
    details = CanonicalJson.canonicalObject("details", details == null ? "{}" : details);
    int bytes = details.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > DETAILS_MAX_BYTES) {
      throw new AuditFieldException(
          "details",
          "is " + bytes + " bytes as canonical JSON, at most " + DETAILS_MAX_BYTES + " allowed");
    }
  }

  /**
   * An event from the codes an API receives.
   *
   * @throws AuditFieldException naming the first invalid field
   */
  public static AuditEvent of(
      String tenant,
      String actor,
      String eventType,
      String target,
      String outcome,
      String detailsJson) {
    AuditText.requireTenant(tenant);
    AuditText.require("actor", actor, AuditText.ACTOR_MAX_LENGTH);
    AuditEventType type = AuditEventType.fromCode(eventType);
    AuditText.require("target", target, AuditText.TARGET_MAX_LENGTH);
    return new AuditEvent(tenant, actor, type, target, AuditOutcome.fromCode(outcome), detailsJson);
  }
}
