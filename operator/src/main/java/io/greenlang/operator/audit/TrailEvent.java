package io.greenlang.operator.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.schema.audit.AuditEvent;
import io.greenlang.runtime.schema.audit.AuditEventType;
import io.greenlang.runtime.schema.audit.AuditOutcome;

/**
 * An event the operator is about to record: what happened to what, with small details; the tenant
 * and the actor ({@value TenantAuditTrail#ACTOR}) are added when it is appended.
 *
 * @param type the event type
 * @param target what it happened to, e.g. {@code tenant:acme} or {@code
 *     member:User/ann@acme.example}
 * @param details a JSON object of ids, names and values, never secrets
 */
public record TrailEvent(AuditEventType type, String target, ObjectNode details) {

  /** The event for {@code tenant}'s chain. */
  AuditEvent toAuditEvent(String tenant) {
    return new AuditEvent(
        tenant, TenantAuditTrail.ACTOR, type, target, AuditOutcome.SUCCESS, details.toString());
  }
}
