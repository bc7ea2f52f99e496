package io.greenlang.operator.region;

import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.region.ClusterReachability;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionPhase;
import io.greenlang.crds.region.RegionStatus;
import io.greenlang.operator.status.ConditionTransitions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds a Region's status from an observation. Always emits the same five conditions (Ready,
 * SecretsResolved, ClustersReachable, DatabaseReachable, CacheReachable), so clients can rely on
 * them.
 */
public final class RegionStatusAggregator {
  private RegionStatusAggregator() {}

  public static RegionStatus aggregate(
      Region region, RegionObservation seen, int tenantCount, Instant now) {
    Condition secrets = secretsCondition(seen);
    Condition clusters = clustersCondition(seen);
    Condition database =
        probeCondition(RegionStatus.DATABASE_REACHABLE, seen.database(), "PostgreSQL");
    Condition cache = probeCondition(RegionStatus.CACHE_REACHABLE, seen.cache(), "Redis");
    Condition ready = readyCondition(region, secrets, database, cache, clusters, seen);

    RegionStatus previous = region.getStatus();
    RegionStatus status = new RegionStatus();
    status.setObservedGeneration(region.getMetadata().getGeneration());
    status.setConditions(
        ConditionTransitions.merge(
            previous == null ? null : previous.getConditions(),
            List.of(ready, secrets, clusters, database, cache),
            now,
            region.getMetadata().getGeneration()));
    status.setPhase(ready.isTrue() ? RegionPhase.Ready : RegionPhase.NotReady);
    status.setClusters(seen.clusters());
    status.setReachableClusters(
        (int) seen.clusters().stream().filter(ClusterReachability::isReachable).count());
    status.setTenantCount(tenantCount);
    return status;
  }

  private static Condition secretsCondition(RegionObservation seen) {
    if (seen.secretProblems().isEmpty()) {
      return condition(
          RegionStatus.SECRETS_RESOLVED, true, "Resolved", "All connection Secrets found");
    }
    return condition(
        RegionStatus.SECRETS_RESOLVED,
        false,
        seen.secretProblems().get(0).reason(),
        seen.secretProblems().stream()
            .map(Throwable::getMessage)
            .collect(Collectors.joining("; ")));
  }

  private static Condition clustersCondition(RegionObservation seen) {
    List<ClusterReachability> down =
        seen.clusters().stream().filter(c -> !c.isReachable()).toList();
    int total = seen.clusters().size();
    if (down.isEmpty()) {
      return condition(
          RegionStatus.CLUSTERS_REACHABLE,
          true,
          "Reachable",
          total + "/" + total + " clusters answered");
    }
    return condition(
        RegionStatus.CLUSTERS_REACHABLE,
        false,
        "ClusterUnreachable",
        down.stream().map(ClusterReachability::getMessage).collect(Collectors.joining("; ")));
  }

  private static Condition probeCondition(String type, ProbeResult result, String service) {
    if (result == null) {
      return new Condition(
          type, ConditionStatus.Unknown, "NotChecked", service + " Secret is not usable");
    }
    return condition(type, result.reachable(), result.reason(), result.message());
  }

  private static Condition readyCondition(
      Region region,
      Condition secrets,
      Condition database,
      Condition cache,
      Condition clusters,
      RegionObservation seen) {
    List<Condition> blocking = new ArrayList<>();
    for (Condition c : List.of(secrets, database, cache)) {
      // Unknown only follows from an unusable Secret, which SecretsResolved already names.
      if (c.getStatus() == ConditionStatus.False) {
        blocking.add(c);
      }
    }
    if (!seen.localClusterReachable()) {
      blocking.add(clusters);
    }
    if (blocking.isEmpty()) {
      return condition(
          RegionStatus.READY,
          true,
          "Ready",
          "Region "
              + region.getSpec().getCode()
              + " is ready: PostgreSQL, Redis and clusters answer");
    }
    Condition first = blocking.get(0);
    return condition(
        RegionStatus.READY,
        false,
        first.getReason(),
        blocking.stream()
            .map(c -> c.getType() + ": " + c.getMessage())
            .collect(Collectors.joining("; ")));
  }

  private static Condition condition(String type, boolean ok, String reason, String message) {
    return new Condition(type, ok ? ConditionStatus.True : ConditionStatus.False, reason, message);
  }
}
