package io.greenlang.operator.tenant;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.greenlang.crds.GreenLang;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCluster;
import io.greenlang.crds.tenant.DeletionPolicy;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.operator.audit.TenantAuditTrail;
import io.greenlang.operator.cluster.MemberClusterClients;
import io.greenlang.operator.events.EventReason;
import io.greenlang.operator.events.EventRecorder;
import io.greenlang.operator.region.ConnectionSecrets;
import io.greenlang.operator.tenant.data.TenantDataPlane;
import io.greenlang.operator.tenant.desired.OwnedLabels;
import io.greenlang.operator.tenant.desired.TenantRegistration;
import io.greenlang.runtime.schema.audit.AuditPartitionMissingException;
import io.greenlang.runtime.schema.audit.AuditTenantAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removes what the operator created for a deleted Tenant, in the cluster it was placed in,
 * following its deletion policy: Delete removes the namespace (or registration) with everything in
 * it, and the data, keeping the audit chain (archived in the Region's shared database when the
 * tenant's own database is dropped); Retain revokes members' access and keeps the namespace and its
 * data. Never while a PipelineRun is active. The deletion is recorded in the tenant's audit chain
 * before anything is removed.
 */
@ApplicationScoped
public class TenantDecommissioning {
  private final MemberClusterClients clusters;
  private final ActivePipelineRuns activeRuns;
  private final EventRecorder events;
  private final TenantDataPlane dataPlane;
  private final TenantAuditTrail auditTrail;

  public TenantDecommissioning(
      MemberClusterClients clusters,
      ActivePipelineRuns activeRuns,
      EventRecorder events,
      TenantDataPlane dataPlane,
      TenantAuditTrail auditTrail) {
    this.clusters = clusters;
    this.activeRuns = activeRuns;
    this.events = events;
    this.dataPlane = dataPlane;
    this.auditTrail = auditTrail;
  }

  /** What stands in the way of removal, if anything; otherwise the cleanup is done. */
  public Result decommission(Tenant tenant, Optional<Region> region) {
    List<String> runs = activeRuns.of(tenant);
    if (!runs.isEmpty()) {
      return new Result(
          false,
          "WaitingForPipelineRuns",
          "deletion waits for "
              + runs.size()
              + " unfinished PipelineRun(s): "
              + String.join(", ", runs.subList(0, Math.min(5, runs.size()))));
    }
    String clusterName = tenant.getStatus() == null ? null : tenant.getStatus().getCluster();
    if (clusterName == null) {
      return new Result(true, "NothingProvisioned", "nothing was provisioned");
    }
    Optional<RegionCluster> cluster =
        region.flatMap(
            r ->
                r.getSpec().getClusters().stream()
                    .filter(c -> c.getName().equals(clusterName))
                    .findFirst());
    if (cluster.isEmpty()) {
      String message =
          "cluster "
              + clusterName
              + " of Region "
              + tenant.getSpec().getRegion()
              + " is no longer known; objects there were not removed";
      events.record(tenant, EventReason.TenantCleanupFailed, message);
      return new Result(true, "ClusterGone", message);
    }
    try {
      KubernetesClient client = clusters.clientFor(region.get(), cluster.get());
      var placed = new TenantPlacement.Placed(region.get(), cluster.get(), client);
      // Recorded before anything is removed, and once (the chain keeps the recorded state).
      auditTrail.recordDeletion(tenant, dataPlane.address(tenant, placed));
      return tenant.getSpec().getDeletionPolicy() == DeletionPolicy.Delete
          ? delete(client, tenant, placed)
          : retain(client, tenant);
    } catch (ConnectionSecrets.SecretProblem
        | KubernetesClientException
        | SQLException
        | AuditPartitionMissingException
        | AuditTenantAccessException e) {
      String message = "cleanup in cluster " + clusterName + " failed, retrying: " + e.getMessage();
      events.record(tenant, EventReason.TenantCleanupFailed, message);
      return new Result(false, "CleanupFailed", message);
    }
  }

  private Result delete(KubernetesClient client, Tenant tenant, TenantPlacement.Placed placed)
      throws ConnectionSecrets.SecretProblem, SQLException {
    String name = tenant.getMetadata().getName();
    String message;
    if (tenant.getSpec().getIsolation() == IsolationLevel.LOGICAL) {
      deleteRegistration(client, tenant);
      message = "registration removed from " + TenantNames.SHARED_NAMESPACE;
    } else {
      String namespace = TenantNames.namespace(name);
      client.namespaces().withName(namespace).delete();
      // Data is dropped only once the namespace, and every workload using it, is gone.
      if (client.namespaces().withName(namespace).get() != null) {
        return new Result(
            false, "WaitingForNamespaceDeletion", "waiting for namespace " + namespace + " to go");
      }
      message = "namespace " + namespace + " and everything in it deleted";
    }
    message += "; " + dataPlane.drop(tenant, placed) + " (deletionPolicy Delete)";
    events.record(tenant, EventReason.TenantDeleted, message);
    return new Result(true, "Deleted", message);
  }

  private Result retain(KubernetesClient client, Tenant tenant) {
    String name = tenant.getMetadata().getName();
    deleteRegistration(client, tenant);
    String message;
    if (tenant.getSpec().getIsolation() == IsolationLevel.LOGICAL) {
      message =
          "logical tenant " + name + " unregistered; its data is retained (deletionPolicy Retain)";
    } else {
      String namespace = TenantNames.namespace(name);
      Map<String, String> rbac = new LinkedHashMap<>(OwnedLabels.selectorForTenant(name));
      rbac.put(OwnedLabels.COMPONENT, "rbac");
      client.resources(RoleBinding.class).inNamespace(namespace).withLabels(rbac).delete();
      client
          .namespaces()
          .withName(namespace)
          .edit(
              (Namespace ns) ->
                  new NamespaceBuilder(ns)
                      .editMetadata()
                      .addToLabels(RETAINED_LABEL, "true")
                      .addToAnnotations(
                          RETAINED_AT, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                      .endMetadata()
                      .build());
      message =
          "namespace "
              + namespace
              + " and its data are retained (deletionPolicy Retain); members' access revoked";
    }
    message += "; database, role, Redis user and credentials Secret retained";
    events.record(tenant, EventReason.TenantDataRetained, message);
    return new Result(true, "Retained", message);
  }

  private static void deleteRegistration(KubernetesClient client, Tenant tenant) {
    String namespace = TenantNames.workloadNamespace(tenant);
    client
        .resources(ConfigMap.class)
        .inNamespace(namespace)
        .withName(TenantRegistration.name(tenant))
        .delete();
  }

  static final String RETAINED_LABEL = GreenLang.GROUP + "/retained";
  static final String RETAINED_AT = GreenLang.GROUP + "/retained-at";

  /** Whether the finalizer may go, and what to report. */
  public record Result(boolean done, String reason, String message) {}
}
