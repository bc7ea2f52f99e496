package io.greenlang.operator.tenant.desired;

import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.greenlang.crds.GreenLang;
import io.greenlang.crds.tenant.TenantNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The namespace {@code gl-shared} where logical tenants run, governed like a tenant namespace: Pod
 * Security restricted, a quota and limits sized for many small tenants (per-tenant limits are
 * enforced by the admission webhook and the runtime, since one namespace holds them all).
 */
public final class SharedNamespace {
  public static final String SHARED_LABEL = GreenLang.GROUP + "/shared";

  private SharedNamespace() {}

  public static Map<String, String> labels(String component) {
    Map<String, String> labels = new LinkedHashMap<>(OwnedLabels.shared(component));
    labels.put(SHARED_LABEL, "true");
    return labels;
  }

  public static Namespace namespace() {
    Map<String, String> labels = labels("namespace");
    labels.putAll(TenantNamespace.podSecurityRestricted());
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(TenantNames.SHARED_NAMESPACE)
        .withLabels(labels)
        .endMetadata()
        .build();
  }

  public static ResourceQuota quota() {
    return new ResourceQuotaBuilder()
        .withNewMetadata()
        .withName(TenantResourceQuota.QUOTA_NAME)
        .withNamespace(TenantNames.SHARED_NAMESPACE)
        .withLabels(labels("quota"))
        .endMetadata()
        .withNewSpec()
        .addToHard("pods", new Quantity("5000"))
        .addToHard("requests.cpu", new Quantity("500"))
        .addToHard("requests.memory", new Quantity("1Ti"))
        .addToHard(TenantResourceQuota.AGENT_COUNT, new Quantity("100000"))
        .endSpec()
        .build();
  }

  public static LimitRange limits() {
    return new LimitRangeBuilder()
        .withNewMetadata()
        .withName(TenantResourceQuota.LIMITS_NAME)
        .withNamespace(TenantNames.SHARED_NAMESPACE)
        .withLabels(labels("quota"))
        .endMetadata()
        .withNewSpec()
        .addNewLimit()
        .withType("Container")
        .withDefaultRequest(Map.of("cpu", new Quantity("50m"), "memory", new Quantity("128Mi")))
        .withDefault(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("512Mi")))
        .withMax(Map.of("cpu", new Quantity("2"), "memory", new Quantity("4Gi")))
        .endLimit()
        .endSpec()
        .build();
  }
}
