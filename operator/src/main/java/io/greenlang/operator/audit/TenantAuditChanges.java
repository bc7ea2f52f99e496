package io.greenlang.operator.audit;

import static io.greenlang.operator.audit.TenantAuditState.CONFIG;
import static io.greenlang.operator.audit.TenantAuditState.CREDENTIALS_ROTATION;
import static io.greenlang.operator.audit.TenantAuditState.ENCRYPTION_KEY;
import static io.greenlang.operator.audit.TenantAuditState.LIFECYCLE;
import static io.greenlang.operator.audit.TenantAuditState.MEMBERS;
import static io.greenlang.operator.audit.TenantAuditState.PROVISIONED;
import static io.greenlang.operator.audit.TenantAuditState.SETTINGS;
import static io.greenlang.operator.audit.TenantAuditState.SLA;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.crds.tenant.DeletionPolicy;
import io.greenlang.runtime.schema.audit.AuditEventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The events between the state last recorded for a tenant and its state now (docs/runtime/
 * audit-ledger.md, "Who records what"): a pure function, so it is unit-tested and every reconcile
 * that finds the same state finds no event.
 *
 * <ul>
 *   <li>first state: {@code tenant.settings_changed} with {@code change: provisioned} (or {@code
 *       first_recorded} for a tenant that was Ready before the operator recorded anything), and a
 *       {@code user.created} per member;
 *   <li>settings (tier, quotas, budget, branding, deletion policy): {@code
 *       tenant.settings_changed}; SLA: {@code sla.updated}; member cluster, data services, runtime
 *       class, air gap: {@code config.updated}; encryption key reference: {@code
 *       security.encryption_key_rotated};
 *   <li>members: {@code user.created}, {@code user.role_changed}, {@code user.deleted};
 *   <li>a credential rotation carried out: {@code user.password_reset} of the tenant's login roles;
 *   <li>deletion asked for: {@code compliance.data_deletion_request} (deletionPolicy Delete) or
 *       {@code tenant.settings_changed} with {@code change: deleted} (Retain).
 * </ul>
 */
public final class TenantAuditChanges {

  private TenantAuditChanges() {}

  /** What the events describe beyond the two states. */
  public record Context(
      String tenant,
      Long generation,
      boolean wasReady,
      String credentialsTarget,
      String postgresRole,
      String redisUser) {}

  /**
   * The events from {@code recorded} (null when nothing was recorded) to {@code now}, in the order
   * to append them.
   */
  public static List<TrailEvent> between(JsonNode recorded, ObjectNode now, Context context) {
    List<TrailEvent> events = new ArrayList<>();
    String tenantTarget = "tenant:" + context.tenant();
    boolean wasProvisioned = recorded != null && PROVISIONED.equals(text(recorded, LIFECYCLE));
    if (!PROVISIONED.equals(text(now, LIFECYCLE))) {
      if (recorded == null || !text(now, LIFECYCLE).equals(text(recorded, LIFECYCLE))) {
        events.add(deletion(now, context, tenantTarget));
      }
      return events;
    }
    if (!wasProvisioned) {
      ObjectNode details = details(context);
      details.put(
          "change", recorded == null && context.wasReady() ? "first_recorded" : "provisioned");
      details.setAll((ObjectNode) now.get(SETTINGS));
      details.put(SLA, text(now, SLA));
      details.put("members", now.get(MEMBERS).size());
      events.add(new TrailEvent(AuditEventType.TENANT_SETTINGS_CHANGED, tenantTarget, details));
      members(JsonNodeFactory.instance.objectNode(), now.get(MEMBERS), events);
      return events;
    }
    changed(recorded.get(SETTINGS), now.get(SETTINGS), context)
        .ifPresent(
            d -> {
              d.put("change", "updated");
              events.add(new TrailEvent(AuditEventType.TENANT_SETTINGS_CHANGED, tenantTarget, d));
            });
    if (!now.get(SLA).equals(recorded.get(SLA))) {
      ObjectNode details = details(context);
      details.set("from", recorded.get(SLA));
      details.set("to", now.get(SLA));
      events.add(new TrailEvent(AuditEventType.SLA_UPDATED, tenantTarget, details));
    }
    changed(recorded.get(CONFIG), now.get(CONFIG), context)
        .ifPresent(d -> events.add(new TrailEvent(AuditEventType.CONFIG_UPDATED, tenantTarget, d)));
    if (!now.path(ENCRYPTION_KEY).equals(recorded.path(ENCRYPTION_KEY))) {
      ObjectNode details = details(context);
      details.set("from", orNull(recorded.get(ENCRYPTION_KEY)));
      details.set("to", orNull(now.get(ENCRYPTION_KEY)));
      events.add(
          new TrailEvent(AuditEventType.SECURITY_ENCRYPTION_KEY_ROTATED, tenantTarget, details));
    }
    members(recorded.get(MEMBERS), now.get(MEMBERS), events);
    JsonNode rotation = now.path(CREDENTIALS_ROTATION);
    if (!rotation.isNull()
        && !rotation.isMissingNode()
        && !rotation.equals(recorded.path(CREDENTIALS_ROTATION))) {
      ObjectNode details = details(context);
      details.put("postgresRole", context.postgresRole());
      details.put("redisUser", context.redisUser());
      details.set("rotation", rotation);
      events.add(
          new TrailEvent(AuditEventType.USER_PASSWORD_RESET, context.credentialsTarget(), details));
    }
    return events;
  }

  private static TrailEvent deletion(ObjectNode now, Context context, String tenantTarget) {
    ObjectNode details = details(context);
    String policy = now.path(SETTINGS).path("deletionPolicy").asText(null);
    details.put("deletionPolicy", policy);
    details.put("isolation", now.path(SETTINGS).path("isolation").asText(null));
    if (DeletionPolicy.Delete.name().equals(policy)) {
      return new TrailEvent(AuditEventType.COMPLIANCE_DATA_DELETION_REQUEST, tenantTarget, details);
    }
    details.put("change", "deleted");
    return new TrailEvent(AuditEventType.TENANT_SETTINGS_CHANGED, tenantTarget, details);
  }

  /** The fields of two objects that differ, each with {@code from} and {@code to}; else empty. */
  private static Optional<ObjectNode> changed(JsonNode before, JsonNode after, Context context) {
    TreeSet<String> fields = new TreeSet<>();
    before.fieldNames().forEachRemaining(fields::add);
    after.fieldNames().forEachRemaining(fields::add);
    ObjectNode changes = JsonNodeFactory.instance.objectNode();
    for (String field : fields) {
      JsonNode from = orNull(before.get(field));
      JsonNode to = orNull(after.get(field));
      if (!from.equals(to)) {
        ObjectNode change = changes.putObject(field);
        change.set("from", from);
        change.set("to", to);
      }
    }
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode details = details(context);
    details.set("changed", changes);
    return Optional.of(details);
  }

  private static void members(JsonNode before, JsonNode after, List<TrailEvent> events) {
    TreeSet<String> subjects = new TreeSet<>();
    before.fieldNames().forEachRemaining(subjects::add);
    after.fieldNames().forEachRemaining(subjects::add);
    for (String subject : subjects) {
      JsonNode from = before.get(subject);
      JsonNode to = after.get(subject);
      ObjectNode details = member(subject);
      AuditEventType type;
      if (from == null) {
        type = AuditEventType.USER_CREATED;
        details.set("role", to);
      } else if (to == null) {
        type = AuditEventType.USER_DELETED;
        details.set("role", from);
      } else if (!from.equals(to)) {
        type = AuditEventType.USER_ROLE_CHANGED;
        details.set("from", from);
        details.set("to", to);
      } else {
        continue;
      }
      events.add(new TrailEvent(type, "member:" + subject, details));
    }
  }

  /** kind, namespace (service accounts) and name of a member subject. */
  private static ObjectNode member(String subject) {
    String[] parts = subject.split("/", 2);
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    details.put("kind", parts[0]);
    if ("ServiceAccount".equals(parts[0]) && parts[1].contains("/")) {
      details.put("namespace", parts[1].substring(0, parts[1].indexOf('/')));
      details.put("name", parts[1].substring(parts[1].indexOf('/') + 1));
    } else {
      details.put("name", parts[1]);
    }
    return details;
  }

  private static ObjectNode details(Context context) {
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    if (context.generation() != null) {
      details.put("generation", context.generation());
    }
    return details;
  }

  private static JsonNode orNull(JsonNode node) {
    return node == null ? NullNode.instance : node;
  }

  private static String text(JsonNode state, String field) {
    JsonNode value = state.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
