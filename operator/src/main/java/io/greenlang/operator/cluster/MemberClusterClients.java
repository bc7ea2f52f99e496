package io.greenlang.operator.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCluster;
import io.greenlang.operator.region.ConnectionSecrets;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One Kubernetes client per member cluster, built from the kubeconfig Secret the Region names,
 * cached and rebuilt when the Secret's content changes (the old client is closed). The local
 * cluster is served by the operator's own client.
 */
@ApplicationScoped
public class MemberClusterClients {
  private final KubernetesClient localClient;
  private final ConnectionSecrets secrets;
  private final ConcurrentMap<String, CachedClient> clients = new ConcurrentHashMap<>();

  public MemberClusterClients(KubernetesClient localClient, ConnectionSecrets secrets) {
    this.localClient = localClient;
    this.secrets = secrets;
  }

  /** The client of a cluster of a Region. */
  public KubernetesClient clientFor(Region region, RegionCluster cluster)
      throws ConnectionSecrets.SecretProblem {
    if (Boolean.TRUE.equals(cluster.getLocal())) {
      return localClient;
    }
    String kubeconfig = secrets.kubeconfig(cluster.getKubeconfigSecretRef());
    String fingerprint = sha256(kubeconfig);
    String key = region.getMetadata().getName() + "/" + cluster.getName();
    CachedClient cached =
        clients.compute(
            key,
            (k, existing) -> {
              if (existing != null && existing.fingerprint().equals(fingerprint)) {
                return existing;
              }
              if (existing != null) {
                existing.client().close();
              }
              return new CachedClient(fingerprint, build(kubeconfig));
            });
    return cached.client();
  }

  /** Number of member-cluster clients held, for metrics and tests. */
  public int size() {
    return clients.size();
  }

  private static KubernetesClient build(String kubeconfig) {
    Config config = Config.fromKubeconfig(kubeconfig);
    config.setRequestRetryBackoffLimit(2);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  @PreDestroy
  void close() {
    clients.values().forEach(c -> c.client().close());
    clients.clear();
  }

  private record CachedClient(String fingerprint, KubernetesClient client) {}
}
