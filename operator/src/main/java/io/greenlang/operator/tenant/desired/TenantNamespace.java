package io.greenlang.operator.tenant.desired;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.greenlang.crds.GreenLang;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The namespace {@code gl-<tenant>} of a tenant with isolation database, cluster or physical:
 * labelled with tenant, region, isolation and tier, Pod Security {@code restricted} enforced, and
 * for physical isolation the node selector and toleration every pod in it gets.
 */
public final class TenantNamespace {
  static final String POD_SECURITY = "pod-security.kubernetes.io/";

  private TenantNamespace() {}

  public static Namespace build(Tenant tenant) {
    var spec = tenant.getSpec();
    Map<String, String> labels = new LinkedHashMap<>(OwnedLabels.forTenant(tenant, "namespace"));
    labels.put(GreenLang.REGION_LABEL, spec.getRegion());
    labels.put(GreenLang.ISOLATION_LABEL, spec.getIsolation().name().toLowerCase());
    labels.put(GreenLang.TIER_LABEL, spec.getTier().name());
    labels.putAll(podSecurityRestricted());
    Map<String, String> annotations = new LinkedHashMap<>();
    if (spec.getIsolation() == IsolationLevel.PHYSICAL) {
      // Enforced by the PodNodeSelector and PodTolerationRestriction admission plugins where
      // enabled,
      // so even pods the operator does not render land on the tenant's nodes.
      annotations.put(
          "scheduler.alpha.kubernetes.io/node-selector",
          PhysicalPlacement.NODE_LABEL + "=" + tenant.getMetadata().getName());
      annotations.put(
          "scheduler.alpha.kubernetes.io/defaultTolerations",
          PhysicalPlacement.tolerationsJson(tenant.getMetadata().getName()));
    }
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(TenantNames.namespace(tenant.getMetadata().getName()))
        .withLabels(labels)
        .withAnnotations(annotations.isEmpty() ? null : annotations)
        .endMetadata()
        .build();
  }

  /** Pod Security Standards "restricted", enforced and also reported on audit and warn. */
  static Map<String, String> podSecurityRestricted() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(POD_SECURITY + "enforce", "restricted");
    labels.put(POD_SECURITY + "audit", "restricted");
    labels.put(POD_SECURITY + "warn", "restricted");
    return labels;
  }
}
