package io.greenlang.operator.tenant.desired;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.greenlang.crds.GreenLang;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantQuotas;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tenant's registration: a ConfigMap the agent runtime reads to know the tenant's region, tier,
 * quotas, members with their roles (the only authorisation boundary for logical tenants) and node
 * placement. Logical tenants are registered in the shared namespace as {@code tenant-<name>};
 * others in their own namespace as {@value #OWN_NAMESPACE_NAME}.
 */
public final class TenantRegistration {
  public static final String OWN_NAMESPACE_NAME = "greenlang-tenant";
  public static final String KEY = "tenant.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private TenantRegistration() {}

  public static String name(Tenant tenant) {
    return tenant.getSpec().getIsolation() == IsolationLevel.LOGICAL
        ? "tenant-" + tenant.getMetadata().getName()
        : OWN_NAMESPACE_NAME;
  }

  public static ConfigMap build(Tenant tenant, String namespace, String cluster) {
    var spec = tenant.getSpec();
    Map<String, String> labels = new LinkedHashMap<>(OwnedLabels.forTenant(tenant, "registration"));
    labels.put(GreenLang.REGION_LABEL, spec.getRegion());
    labels.put(GreenLang.ISOLATION_LABEL, spec.getIsolation().name().toLowerCase());
    labels.put(GreenLang.TIER_LABEL, spec.getTier().name());
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("tenant", tenant.getMetadata().getName());
    document.put("region", spec.getRegion());
    document.put("cluster", cluster);
    document.put("isolation", spec.getIsolation().name().toLowerCase());
    document.put("tier", spec.getTier().name());
    document.put("sla", spec.getSla().name().toLowerCase());
    document.put("quotas", TenantQuotas.of(spec));
    document.put(
        "members",
        spec.getMembers().stream()
            .map(
                m ->
                    Map.of(
                        "kind", m.getKind().name(), "name", m.getName(), "role", m.getRole().id()))
            .toList());
    if (PhysicalPlacement.applies(tenant)) {
      document.put(
          "nodePlacement",
          Map.of(
              "nodeLabel",
              PhysicalPlacement.NODE_LABEL + "=" + tenant.getMetadata().getName(),
              "runtimeClassName",
              PhysicalPlacement.runtimeClassName(tenant).orElse("")));
    }
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name(tenant))
        .withNamespace(namespace)
        .withLabels(labels)
        .endMetadata()
        .withData(Map.of(KEY, json(document)))
        .build();
  }

  private static String json(Object document) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("tenant registration is plain data", e);
    }
  }
}
