package io.greenlang.operator.tenant.desired;

import io.greenlang.crds.GreenLang;
import io.greenlang.crds.tenant.Tenant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Labels on every object the operator creates for a tenant: they mark it as ours, say which tenant
 * and which concern it serves, and let the operator find and prune it in any cluster.
 */
public final class OwnedLabels {
  public static final String COMPONENT = GreenLang.GROUP + "/component";

  private OwnedLabels() {}

  /** Labels of an object serving one tenant. */
  public static Map<String, String> forTenant(Tenant tenant, String component) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(GreenLang.MANAGED_BY_LABEL, GreenLang.MANAGED_BY_VALUE);
    labels.put(GreenLang.TENANT_LABEL, tenant.getMetadata().getName());
    labels.put(COMPONENT, component);
    return labels;
  }

  /**
   * Labels of an object of the shared namespace, which serves every logical tenant of a cluster.
   */
  public static Map<String, String> shared(String component) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(GreenLang.MANAGED_BY_LABEL, GreenLang.MANAGED_BY_VALUE);
    labels.put(COMPONENT, component);
    return labels;
  }

  /** Label selector matching every object the operator owns for the tenant. */
  public static Map<String, String> selectorForTenant(String tenant) {
    return Map.of(
        GreenLang.MANAGED_BY_LABEL, GreenLang.MANAGED_BY_VALUE, GreenLang.TENANT_LABEL, tenant);
  }
}
