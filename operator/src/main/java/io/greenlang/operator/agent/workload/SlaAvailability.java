package io.greenlang.operator.agent.workload;

import io.greenlang.crds.tenant.SlaTier;

/**
 * What a tenant's SLA tier asks of each of its agents (DOMAIN.md, "SLA tiers"): a floor on
 * replicas, a PodDisruptionBudget, spread of the replicas over nodes or zones, and a PriorityClass.
 * mission_critical is premium's shape; its isolated cluster is the Tenant's admission rule.
 */
public record SlaAvailability(
    int minReplicas, boolean disruptionBudget, String spreadKey, boolean priority) {
  public static final String NODE_KEY = "kubernetes.io/hostname";
  public static final String ZONE_KEY = "topology.kubernetes.io/zone";

  /** The table: standard ≥1; enhanced ≥2, PDB, nodes; premium and mission_critical ≥3, zones. */
  public static SlaAvailability of(SlaTier tier) {
    return switch (tier == null ? SlaTier.STANDARD : tier) {
      case STANDARD -> new SlaAvailability(1, false, null, false);
      case ENHANCED -> new SlaAvailability(2, true, NODE_KEY, false);
      case PREMIUM, MISSION_CRITICAL -> new SlaAvailability(3, true, ZONE_KEY, true);
    };
  }

  /** Whether the replicas are spread over failure domains at all. */
  public boolean spread() {
    return spreadKey != null;
  }
}
