package io.greenlang.operator.tenant;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCluster;

/**
 * Where a tenant is provisioned, or why it cannot be yet. A waiting placement says whether
 * residency is known to be violated ({@code residencyViolated}) or simply not decidable yet.
 */
public sealed interface TenantPlacement {
  /** The tenant's cluster in its Region, with a client for it. */
  record Placed(Region region, RegionCluster cluster, KubernetesClient client)
      implements TenantPlacement {}

  /** The tenant waits: its Region is missing or not Ready, or its cluster is unusable. */
  record Waiting(String reason, String message, boolean residencyViolated)
      implements TenantPlacement {}
}
