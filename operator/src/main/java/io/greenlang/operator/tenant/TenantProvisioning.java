package io.greenlang.operator.tenant;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.operator.OperatorSettings;
import io.greenlang.operator.audit.TenantAuditTrail;
import io.greenlang.operator.cluster.OwnedObjectSync;
import io.greenlang.operator.cluster.OwnedObjectSync.SyncResult;
import io.greenlang.operator.region.ConnectionSecrets;
import io.greenlang.operator.tenant.ProvisioningOutcome.GroupResult;
import io.greenlang.operator.tenant.data.TenantDataPlane;
import io.greenlang.operator.tenant.desired.EgressTarget;
import io.greenlang.operator.tenant.desired.OwnedLabels;
import io.greenlang.runtime.schema.audit.AuditPartitionMissingException;
import io.greenlang.runtime.schema.audit.AuditTenantAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One provisioning pass for a tenant: place it in its Region, then make its cluster hold the
 * desired namespace, network policies, registration, quota and RoleBindings, pruning bindings of
 * removed members, and once its database is in place record what changed in its audit chain ({@link
 * TenantAuditTrail}). Safe to repeat: a settled tenant causes reads only.
 */
@ApplicationScoped
public class TenantProvisioning {
  private final RegionPlacement placement;
  private final TenantEgress egress;
  private final OperatorSettings settings;
  private final TenantDataPlane dataPlane;
  private final TenantAuditTrail auditTrail;
  private final SharedNamespaceSync sharedNamespace;

  public TenantProvisioning(
      RegionPlacement placement,
      TenantEgress egress,
      OperatorSettings settings,
      TenantDataPlane dataPlane,
      TenantAuditTrail auditTrail,
      SharedNamespaceSync sharedNamespace) {
    this.placement = placement;
    this.egress = egress;
    this.settings = settings;
    this.dataPlane = dataPlane;
    this.auditTrail = auditTrail;
    this.sharedNamespace = sharedNamespace;
  }

  public ProvisioningOutcome provision(Tenant tenant, Optional<Region> region) {
    TenantPlacement where = placement.place(tenant, region);
    if (!(where instanceof TenantPlacement.Placed placed)) {
      var waiting = (TenantPlacement.Waiting) where;
      GroupResult skipped = GroupResult.notAttempted(waiting.message());
      return new ProvisioningOutcome(
          where, null, skipped, skipped, skipped, skipped, skipped, null, null);
    }
    List<EgressTarget> dataServices;
    try {
      dataServices = egress.dataServices(placed.region());
    } catch (ConnectionSecrets.SecretProblem problem) {
      GroupResult failed =
          GroupResult.failed(problem.reason(), "Region data services: " + problem.getMessage());
      GroupResult skipped = GroupResult.notAttempted(failed.message());
      return new ProvisioningOutcome(
          where, null, failed, skipped, skipped, skipped, skipped, null, null);
    }
    boolean logical = tenant.getSpec().getIsolation() == IsolationLevel.LOGICAL;
    TenantObjects objects =
        TenantObjects.desired(
            tenant,
            placed.cluster().getName(),
            settings.operatorNamespace(),
            dataServices,
            TenantEgress.llmEndpoints(placed.region(), logical ? null : tenant));
    var sync = new OwnedObjectSync(placed.client());

    GroupResult shared = shared(sync, placed, objects);
    GroupResult namespace =
        shared.state() == ProvisioningOutcome.State.SYNCED
            ? apply(sync, objects.namespaceObjects(), "namespace " + objects.namespace())
            : shared;
    if (namespace.state() == ProvisioningOutcome.State.SYNCED) {
      namespace = GroupResult.synced(namespace.message(), shared.writes().plus(namespace.writes()));
    }
    if (namespace.state() != ProvisioningOutcome.State.SYNCED) {
      GroupResult skipped = GroupResult.notAttempted("namespace not in place");
      return new ProvisioningOutcome(
          where, objects.namespace(), namespace, skipped, skipped, skipped, skipped, null, null);
    }
    GroupResult quota =
        logical
            ? GroupResult.synced(
                "quota and limits of shared namespace " + objects.namespace() + " in place",
                SyncResult.NONE)
            : apply(sync, objects.quotaObjects(), "quota and limits");
    GroupResult rbac = logical ? runtimeAuthorised(tenant) : roleBindings(sync, tenant, objects);
    TenantDataPlane.DataOutcome data = dataPlane.provision(tenant, placed, objects.namespace());
    return new ProvisioningOutcome(
        where,
        objects.namespace(),
        namespace,
        quota,
        rbac,
        audited(tenant, data),
        data.cache(),
        data.databaseName(),
        data.secret());
  }

  /** The shared namespace's own objects, for a logical tenant; nothing for the others. */
  private GroupResult shared(
      OwnedObjectSync sync, TenantPlacement.Placed placed, TenantObjects objects) {
    String cluster = placed.region().getMetadata().getName() + "/" + placed.cluster().getName();
    try {
      return GroupResult.synced(
          "shared namespace " + objects.namespace() + " in place",
          sharedNamespace.apply(cluster, sync, objects.sharedObjects()));
    } catch (KubernetesClientException e) {
      sharedNamespace.forget(cluster);
      return GroupResult.failed("shared namespace " + objects.namespace() + ": " + e.getMessage());
    }
  }

  /**
   * The database group once the tenant's transitions are in its audit chain: a chain that cannot be
   * written leaves DatabaseReady False (the runtime could not write it either), and the next pass
   * records what this one could not.
   */
  private GroupResult audited(Tenant tenant, TenantDataPlane.DataOutcome data) {
    if (data.database().state() != ProvisioningOutcome.State.SYNCED) {
      return data.database();
    }
    try {
      auditTrail.recordTenant(tenant, data.address(), data.credentialsRotation(), data.secret());
      return data.database();
    } catch (SQLException | AuditPartitionMissingException | AuditTenantAccessException e) {
      return GroupResult.failed(
          "AuditLedgerUnavailable",
          "audit chain in " + data.address().describe() + ": " + e.getMessage());
    }
  }

  private static GroupResult apply(
      OwnedObjectSync sync,
      List<? extends io.fabric8.kubernetes.api.model.HasMetadata> objects,
      String what) {
    try {
      return GroupResult.synced(what + " in place", sync.apply(objects));
    } catch (KubernetesClientException e) {
      return GroupResult.failed(what + ": " + e.getMessage());
    }
  }

  private static GroupResult roleBindings(
      OwnedObjectSync sync, Tenant tenant, TenantObjects objects) {
    List<RoleBinding> bindings = objects.roleBindings();
    try {
      SyncResult written = sync.apply(bindings);
      Map<String, String> owned =
          new LinkedHashMap<>(OwnedLabels.selectorForTenant(tenant.getMetadata().getName()));
      owned.put(OwnedLabels.COMPONENT, "rbac");
      Set<String> keep =
          bindings.stream().map(b -> b.getMetadata().getName()).collect(Collectors.toSet());
      written = written.plus(sync.prune(RoleBinding.class, objects.namespace(), owned, keep));
      return GroupResult.synced(
          bindings.size() + " member RoleBinding(s) in " + objects.namespace(), written);
    } catch (KubernetesClientException e) {
      return GroupResult.failed("RoleBindings: " + e.getMessage());
    }
  }

  private static GroupResult runtimeAuthorised(Tenant tenant) {
    return GroupResult.synced(
        tenant.getSpec().getMembers().size()
            + " member(s) authorised by the runtime API from the tenant registration"
            + " (logical tenants share a namespace, so Kubernetes RBAC cannot separate them)",
        SyncResult.NONE);
  }
}
