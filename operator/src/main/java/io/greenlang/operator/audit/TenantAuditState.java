package io.greenlang.operator.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.crds.common.SecretKeySelector;
import io.greenlang.crds.tenant.PhysicalIsolation;
import io.greenlang.crds.tenant.TenantMember;
import io.greenlang.crds.tenant.TenantSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audited projection of a Tenant: what the operator records transitions of (lifecycle,
 * settings, SLA, configuration, encryption key reference, members and their roles, the last
 * credential rotation). A pure function of the spec, so equal Tenants give equal states; never
 * holds a secret, only references to Secrets.
 */
public final class TenantAuditState {
  static final String LIFECYCLE = "lifecycle";
  static final String PROVISIONED = "provisioned";
  static final String DELETION_REQUESTED = "deletion_requested";
  static final String SETTINGS = "settings";
  static final String SLA = "sla";
  static final String CONFIG = "config";
  static final String ENCRYPTION_KEY = "encryptionKey";
  static final String MEMBERS = "members";
  static final String CREDENTIALS_ROTATION = "credentialsRotation";

  private static final ObjectMapper JSON = new ObjectMapper();

  private TenantAuditState() {}

  /**
   * The state of a provisioned tenant with this spec.
   *
   * @param credentialsRotation the last rotation request carried out on its credentials, or null
   */
  public static ObjectNode provisioned(TenantSpec spec, String credentialsRotation) {
    ObjectNode state = JsonNodeFactory.instance.objectNode();
    state.put(LIFECYCLE, PROVISIONED);
    ObjectNode settings = state.putObject(SETTINGS);
    settings.put("isolation", spec.getIsolation().name().toLowerCase());
    settings.put("region", spec.getRegion());
    settings.put("tier", spec.getTier().name());
    settings.put("deletionPolicy", spec.getDeletionPolicy().name());
    settings.set("quotas", JSON.valueToTree(spec.getQuotas()));
    settings.set("budget", JSON.valueToTree(spec.getBudget()));
    settings.set("branding", JSON.valueToTree(spec.getBranding()));
    state.put(SLA, spec.getSla().name().toLowerCase());
    ObjectNode config = state.putObject(CONFIG);
    config.put("memberCluster", spec.getMemberCluster());
    config.set("dataServices", JSON.valueToTree(spec.getDataServices()));
    PhysicalIsolation physical = spec.getPhysical();
    config.put("runtimeClassName", physical == null ? null : physical.getRuntimeClassName());
    config.put("airGapped", physical != null && Boolean.TRUE.equals(physical.getAirGapped()));
    state.put(ENCRYPTION_KEY, physical == null ? null : reference(physical.getEncryptionKeyRef()));
    ObjectNode members = state.putObject(MEMBERS);
    members(spec).forEach(members::put);
    state.put(CREDENTIALS_ROTATION, credentialsRotation);
    return normalized(state);
  }

  /** {@code state} marked as asked to be deleted (a minimal state when none was recorded). */
  public static ObjectNode deletionRequested(ObjectNode recorded) {
    ObjectNode state =
        recorded == null ? JsonNodeFactory.instance.objectNode() : recorded.deepCopy();
    state.put(LIFECYCLE, DELETION_REQUESTED);
    return state;
  }

  /**
   * The state as read back from its JSON text, as the database's copy will be: numbers then compare
   * equal whatever Java type they came from (a {@code Long} quota and the {@code 5} read back).
   */
  static ObjectNode normalized(ObjectNode state) {
    try {
      return (ObjectNode) JSON.readTree(state.toString());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a state built from a Tenant is plain JSON", e);
    }
  }

  /** Members by subject ({@code User/ann@acme.example}, {@code ServiceAccount/ns/sa}) to role. */
  static Map<String, String> members(TenantSpec spec) {
    Map<String, String> members = new TreeMap<>();
    for (TenantMember member : spec.getMembers()) {
      members.put(subject(member), member.getRole().id());
    }
    return members;
  }

  static String subject(TenantMember member) {
    return member.getKind().name()
        + "/"
        + (member.getNamespace() == null ? "" : member.getNamespace() + "/")
        + member.getName();
  }

  private static String reference(SecretKeySelector selector) {
    return selector == null ? null : "secret:" + selector.getName() + "/" + selector.getKey();
  }
}
