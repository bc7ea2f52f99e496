package io.greenlang.e2e;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.greenlang.testsupport.PostgresServer;
import io.greenlang.testsupport.RedisServerAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The E2E scenarios against a real cluster (opt-in: {@code -De2e.kubeconfig=<file>}) where the Helm
 * chart is installed and a Ready Region exists ({@code -De2e.region}, default {@code eu}). Pods are
 * real; a kill is a forced delete. The tests reach the tenants' PostgreSQL and Redis only when
 * {@code -De2e.postgres.url} (an administrator JDBC URL of the Region's server, e.g. through a
 * port-forward) and {@code -De2e.redis.url} are given; assertions on stored results need the
 * former. Workers reclaim after their default claim idle time (60 s).
 */
final class ClusterE2EPlatform implements E2EPlatform {
  private final KubernetesClient client;
  private final String region;

  private ClusterE2EPlatform(KubernetesClient client, String region) {
    this.client = client;
    this.region = region;
  }

  static ClusterE2EPlatform connect(Path kubeconfig) throws Exception {
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
    return new ClusterE2EPlatform(
        new KubernetesClientBuilder().withConfig(config).build(),
        System.getProperty("e2e.region", "eu"));
  }

  @Override
  public KubernetesClient client() {
    return client;
  }

  @Override
  public String region() {
    return region;
  }

  @Override
  public List<String> readyPods(String namespace, String agent) {
    return client
        .pods()
        .inNamespace(namespace)
        .withLabel("greenlang.io/agent", agent)
        .list()
        .getItems()
        .stream()
        .filter(ClusterE2EPlatform::ready)
        .map(p -> p.getMetadata().getName())
        .toList();
  }

  private static boolean ready(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .filter(c -> "Ready".equals(c.getType()))
            .map(PodCondition::getStatus)
            .anyMatch("True"::equals);
  }

  @Override
  public void kill(String namespace, String pod) {
    client.pods().inNamespace(namespace).withName(pod).withGracePeriod(0).delete();
  }

  @Override
  public boolean canFreeze() {
    return false;
  }

  @Override
  public void freeze(String namespace, String pod) {
    throw new UnsupportedOperationException("pods of a real cluster cannot be frozen from here");
  }

  @Override
  public void thaw(String namespace, String pod) {
    throw new UnsupportedOperationException("pods of a real cluster cannot be frozen from here");
  }

  @Override
  public Optional<Connection> database(String name) throws SQLException {
    String url = System.getProperty("e2e.postgres.url");
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(PostgresServer.fromJdbcUrl(url).openConnection(name));
  }

  @Override
  public Optional<RedisServerAddress> redis() {
    String url = System.getProperty("e2e.redis.url");
    return url == null || url.isBlank()
        ? Optional.empty()
        : Optional.of(RedisServerAddress.fromUri(url));
  }

  @Override
  public Duration claimIdleTime() {
    return Duration.ofSeconds(60);
  }

  @Override
  public Duration runTimeout() {
    return Duration.ofSeconds(Long.parseLong(System.getProperty("e2e.run-timeout-seconds", "600")));
  }

  @Override
  public void close() {
    client.close();
  }
}
