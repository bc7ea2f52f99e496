package io.greenlang.runtime.llm.audit;

import java.time.Instant;
import java.util.Map;

/**
 * An audit-worthy security decision (DOMAIN.md, "Audit event types"), in the fields every audit
 * entry has: who acted, on what, with which outcome, and details. Never holds a secret.
 *
 * @param type such as {@code security.permission_denied}
 * @param tenant the tenant the decision concerns
 * @param actor who asked, such as {@code agent:cbam-calculator}
 * @param target what was asked for, such as {@code llm-endpoint:openai-us}
 * @param outcome such as {@code denied}
 * @param details further facts, serialized as canonical JSON (sorted keys)
 * @param occurredAt when the decision was made
 */
public record SecurityEvent(
    String type,
    String tenant,
    String actor,
    String target,
    String outcome,
    Map<String, String> details,
    Instant occurredAt) {

  /** The audit event type of a refused access (DOMAIN.md). */
  public static final String PERMISSION_DENIED = "security.permission_denied";

  public SecurityEvent {
    details = Map.copyOf(details);
  }
}
