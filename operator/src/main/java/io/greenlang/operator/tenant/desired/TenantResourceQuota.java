package io.greenlang.operator.tenant.desired;

import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantQuotas;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ResourceQuota and LimitRange of a tenant namespace: pods, CPU and memory by tier, storage and
 * the number of Agents from the tier table with the tenant's overrides, and per-container defaults.
 */
public final class TenantResourceQuota {
  public static final String QUOTA_NAME = "greenlang-quota";
  public static final String LIMITS_NAME = "greenlang-limits";
  public static final String AGENT_COUNT = "count/agents.greenlang.io";

  private TenantResourceQuota() {}

  public static ResourceQuota quota(Tenant tenant, String namespace) {
    TenantQuotas quotas = TenantQuotas.of(tenant.getSpec());
    TierComputeQuota compute = TierComputeQuota.of(tenant.getSpec().getTier());
    Map<String, Quantity> hard = new LinkedHashMap<>();
    hard.put("pods", new Quantity(Integer.toString(compute.pods())));
    hard.put("requests.cpu", new Quantity(compute.cpu()));
    hard.put("limits.cpu", new Quantity(compute.cpu()));
    hard.put("requests.memory", new Quantity(compute.memory()));
    hard.put("limits.memory", new Quantity(compute.memory()));
    hard.put("requests.storage", new Quantity(quotas.storageGb() + "Gi"));
    hard.put(AGENT_COUNT, new Quantity(Integer.toString(quotas.agents())));
    return new ResourceQuotaBuilder()
        .withNewMetadata()
        .withName(QUOTA_NAME)
        .withNamespace(namespace)
        .withLabels(OwnedLabels.forTenant(tenant, "quota"))
        .endMetadata()
        .withNewSpec()
        .withHard(hard)
        .endSpec()
        .build();
  }

  public static LimitRange limits(Tenant tenant, String namespace) {
    return new LimitRangeBuilder()
        .withNewMetadata()
        .withName(LIMITS_NAME)
        .withNamespace(namespace)
        .withLabels(OwnedLabels.forTenant(tenant, "quota"))
        .endMetadata()
        .withNewSpec()
        .addNewLimit()
        .withType("Container")
        .withDefaultRequest(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("256Mi")))
        .withDefault(Map.of("cpu", new Quantity("1"), "memory", new Quantity("1Gi")))
        .withMax(Map.of("cpu", new Quantity("8"), "memory", new Quantity("16Gi")))
        .endLimit()
        .endSpec()
        .build();
  }
}
