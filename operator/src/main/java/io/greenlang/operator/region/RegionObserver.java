package io.greenlang.operator.region;

import io.greenlang.crds.region.ClusterReachability;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCluster;
import io.greenlang.crds.region.RegionSpec;
import io.greenlang.operator.OperatorSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a Region's Secrets and probes its clusters, PostgreSQL and Redis. */
@ApplicationScoped
public class RegionObserver {
  private final ConnectionSecrets secrets;
  private final PostgresProbe postgresProbe;
  private final RedisProbe redisProbe;
  private final ClusterProbe clusterProbe;
  private final OperatorSettings settings;

  public RegionObserver(
      ConnectionSecrets secrets,
      PostgresProbe postgresProbe,
      RedisProbe redisProbe,
      ClusterProbe clusterProbe,
      OperatorSettings settings) {
    this.secrets = secrets;
    this.postgresProbe = postgresProbe;
    this.redisProbe = redisProbe;
    this.clusterProbe = clusterProbe;
    this.settings = settings;
  }

  public RegionObservation observe(Region region) {
    RegionSpec spec = region.getSpec();
    Duration timeout = settings.region().probeTimeout();
    List<ConnectionSecrets.SecretProblem> problems = new ArrayList<>();

    ProbeResult database = null;
    try {
      database = postgresProbe.probe(secrets.postgres(spec.getPostgres().getSecretRef()), timeout);
    } catch (ConnectionSecrets.SecretProblem problem) {
      problems.add(problem);
    }
    ProbeResult cache = null;
    try {
      cache = redisProbe.probe(secrets.redis(spec.getRedis().getSecretRef()), timeout);
    } catch (ConnectionSecrets.SecretProblem problem) {
      problems.add(problem);
    }
    if (spec.getVectorStore() != null) {
      try {
        secrets.requireKeys(spec.getVectorStore().getSecretRef(), "host", "port");
      } catch (ConnectionSecrets.SecretProblem problem) {
        problems.add(problem);
      }
    }

    List<ClusterReachability> clusters = new ArrayList<>();
    boolean localReachable = false;
    for (RegionCluster cluster : spec.getClusters()) {
      ProbeResult result;
      if (Boolean.TRUE.equals(cluster.getLocal())) {
        result = clusterProbe.probeLocal();
        localReachable = result.reachable();
      } else {
        try {
          String kubeconfig = secrets.kubeconfig(cluster.getKubeconfigSecretRef());
          result = clusterProbe.probeMember(cluster.getName(), kubeconfig, timeout);
        } catch (ConnectionSecrets.SecretProblem problem) {
          problems.add(problem);
          result = ProbeResult.unreachable(problem.reason(), problem.getMessage());
        }
      }
      clusters.add(
          new ClusterReachability(
              cluster.getName(), result.reachable(), result.reachable() ? null : result.message()));
    }
    boolean hasLocal = spec.getClusters().stream().anyMatch(c -> Boolean.TRUE.equals(c.getLocal()));
    boolean clusterBasis =
        hasLocal ? localReachable : clusters.stream().anyMatch(ClusterReachability::isReachable);
    return new RegionObservation(problems, database, cache, clusters, clusterBasis);
  }
}
