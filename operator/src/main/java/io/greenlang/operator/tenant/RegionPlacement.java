package io.greenlang.operator.tenant;

import io.greenlang.crds.common.Condition;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCluster;
import io.greenlang.crds.region.RegionStatus;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.operator.cluster.MemberClusterClients;
import io.greenlang.operator.region.ConnectionSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Optional;

/**
 * Places a tenant on a cluster of its Region, never elsewhere: its dedicated member cluster for
 * isolation cluster and physical, otherwise the Region's local cluster (or its first cluster not
 * dedicated to a tenant).
 */
@ApplicationScoped
public class RegionPlacement {
  private final MemberClusterClients clusters;

  public RegionPlacement(MemberClusterClients clusters) {
    this.clusters = clusters;
  }

  public TenantPlacement place(Tenant tenant, Optional<Region> found) {
    String regionName = tenant.getSpec().getRegion();
    if (found.isEmpty()) {
      return new TenantPlacement.Waiting(
          "RegionNotFound",
          "Region \"" + regionName + "\" not found; the Tenant waits for it",
          false);
    }
    Region region = found.get();
    Optional<Condition> ready =
        region.getStatus() == null
            ? Optional.empty()
            : region.getStatus().condition(RegionStatus.READY);
    if (ready.isEmpty() || !ready.get().isTrue()) {
      return new TenantPlacement.Waiting(
          "RegionNotReady",
          "Region \""
              + regionName
              + "\" is not Ready"
              + ready.map(c -> ": " + c.getMessage()).orElse(" yet"),
          false);
    }
    ClusterChoice choice = chooseCluster(tenant, region);
    if (choice.problem() != null) {
      return choice.problem();
    }
    RegionCluster cluster = choice.cluster();
    try {
      return new TenantPlacement.Placed(region, cluster, clusters.clientFor(region, cluster));
    } catch (ConnectionSecrets.SecretProblem problem) {
      return new TenantPlacement.Waiting(
          "ClusterUnavailable",
          "cluster " + cluster.getName() + " of Region " + regionName + ": " + problem.getMessage(),
          false);
    }
  }

  private static ClusterChoice chooseCluster(Tenant tenant, Region region) {
    String tenantName = tenant.getMetadata().getName();
    var clusters = region.getSpec().getClusters();
    if (tenant.getSpec().getIsolation().hasDedicatedCluster()) {
      String wanted = tenant.getSpec().getMemberCluster();
      Optional<RegionCluster> member =
          clusters.stream().filter(c -> c.getName().equals(wanted)).findFirst();
      if (member.isEmpty()) {
        return ClusterChoice.refused(
            "ClusterNotInRegion",
            "spec.memberCluster: Region \""
                + region.getMetadata().getName()
                + "\" has no cluster \""
                + wanted
                + "\"",
            true);
      }
      if (Boolean.TRUE.equals(member.get().getLocal())) {
        return ClusterChoice.refused(
            "ClusterNotDedicated",
            "spec.memberCluster: cluster \""
                + wanted
                + "\" is the Region's shared local cluster, not a dedicated one",
            true);
      }
      String dedicatedTo = member.get().getDedicatedTo();
      if (dedicatedTo != null && !dedicatedTo.equals(tenantName)) {
        return ClusterChoice.refused(
            "ClusterDedicatedToOtherTenant",
            "spec.memberCluster: cluster \""
                + wanted
                + "\" is dedicated to tenant \""
                + dedicatedTo
                + "\"",
            true);
      }
      return new ClusterChoice(member.get(), null);
    }
    return clusters.stream()
        .filter(c -> Boolean.TRUE.equals(c.getLocal()))
        .findFirst()
        .or(() -> clusters.stream().filter(c -> Objects.isNull(c.getDedicatedTo())).findFirst())
        .map(c -> new ClusterChoice(c, null))
        .orElseGet(
            () ->
                ClusterChoice.refused(
                    "NoSharedCluster",
                    "Region \""
                        + region.getMetadata().getName()
                        + "\" has no cluster for shared tenants",
                    false));
  }

  /** The chosen cluster, or why none can be used. */
  private record ClusterChoice(RegionCluster cluster, TenantPlacement.Waiting problem) {
    static ClusterChoice refused(String reason, String message, boolean residencyViolated) {
      return new ClusterChoice(
          null, new TenantPlacement.Waiting(reason, message, residencyViolated));
    }
  }
}
