package io.greenlang.operator.tenant;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.operator.tenant.desired.EgressTarget;
import io.greenlang.operator.tenant.desired.OwnedLabels;
import io.greenlang.operator.tenant.desired.SharedNamespace;
import io.greenlang.operator.tenant.desired.TenantNamespace;
import io.greenlang.operator.tenant.desired.TenantNetworkPolicies;
import io.greenlang.operator.tenant.desired.TenantRegistration;
import io.greenlang.operator.tenant.desired.TenantResourceQuota;
import io.greenlang.operator.tenant.desired.TenantRoleBindings;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the operator wants in a tenant's cluster, grouped by the condition that reports it:
 * namespace (with network policies and registration), quota (ResourceQuota, LimitRange) and RBAC
 * (one RoleBinding per member). A pure function of the Tenant and what the Region allows.
 */
public record TenantObjects(
    String namespace,
    List<HasMetadata> sharedObjects,
    List<HasMetadata> namespaceObjects,
    List<HasMetadata> quotaObjects,
    List<RoleBinding> roleBindings) {

  public static TenantObjects desired(
      Tenant tenant,
      String cluster,
      String operatorNamespace,
      List<EgressTarget> dataServices,
      List<EgressTarget> llmEndpoints) {
    if (tenant.getSpec().getIsolation() == IsolationLevel.LOGICAL) {
      return logical(tenant, cluster, operatorNamespace, dataServices, llmEndpoints);
    }
    String namespace = TenantNames.namespace(tenant.getMetadata().getName());
    List<HasMetadata> namespaceObjects = new ArrayList<>();
    namespaceObjects.add(TenantNamespace.build(tenant));
    namespaceObjects.addAll(
        TenantNetworkPolicies.build(
            namespace,
            OwnedLabels.forTenant(tenant, "network"),
            operatorNamespace,
            dataServices,
            llmEndpoints));
    namespaceObjects.add(TenantRegistration.build(tenant, namespace, cluster));
    return new TenantObjects(
        namespace,
        List.of(),
        namespaceObjects,
        List.of(
            TenantResourceQuota.quota(tenant, namespace),
            TenantResourceQuota.limits(tenant, namespace)),
        TenantRoleBindings.build(tenant, namespace));
  }

  /**
   * A logical tenant shares gl-shared, governed the same way for all of them, and is registered
   * there; Kubernetes RBAC cannot separate tenants inside one namespace, so it gets no
   * RoleBindings. The namespace's own objects (with its quota and limits) are the shared ones.
   */
  private static TenantObjects logical(
      Tenant tenant,
      String cluster,
      String operatorNamespace,
      List<EgressTarget> dataServices,
      List<EgressTarget> llmEndpoints) {
    String namespace = TenantNames.SHARED_NAMESPACE;
    List<HasMetadata> shared = new ArrayList<>();
    shared.add(SharedNamespace.namespace());
    shared.addAll(
        TenantNetworkPolicies.build(
            namespace,
            SharedNamespace.labels("network"),
            operatorNamespace,
            dataServices,
            llmEndpoints));
    shared.add(SharedNamespace.quota());
    shared.add(SharedNamespace.limits());
    return new TenantObjects(
        namespace,
        shared,
        List.of(TenantRegistration.build(tenant, namespace, cluster)),
        List.of(),
        List.of());
  }
}
