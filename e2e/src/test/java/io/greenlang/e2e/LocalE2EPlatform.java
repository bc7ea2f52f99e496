package io.greenlang.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.greenlang.crds.region.Region;
import io.greenlang.sandbox.LocalPlatform;
import io.greenlang.sandbox.SandboxOptions;
import io.greenlang.sandbox.kubelet.LocalPod;
import io.greenlang.testsupport.RedisServerAddress;
import io.greenlang.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The E2E scenarios on this machine: {@link LocalPlatform} with a Region of its own (the
 * quickstart's Region, renamed, on this machine's PostgreSQL and Redis) and agent pods whose
 * workers reclaim a dead worker's task after {@value #CLAIM_IDLE_SECONDS} s.
 */
final class LocalE2EPlatform implements E2EPlatform {
  static final int CLAIM_IDLE_SECONDS = 3;

  /** Kept referenced: java.util.logging forgets levels set on loggers nobody holds. */
  private static final java.util.logging.Logger MOCK_SERVER_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private final LocalPlatform platform;
  private final String region;
  private final String regionDatabase;

  private LocalE2EPlatform(LocalPlatform platform, String region, String regionDatabase) {
    this.platform = platform;
    this.region = region;
    this.regionDatabase = regionDatabase;
  }

  static LocalE2EPlatform start(String suffix) throws Exception {
    // The mock API server logs every request at INFO: far too much for a test report.
    MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    Path work = Files.createTempDirectory("gl-e2e-" + suffix);
    // Short claim and reclaim times, so a killed worker's task is taken over within seconds; a
    // long read block, so a frozen worker keeps the read it had issued (the fault test).
    Map<String, String> pods =
        Map.of(
            "GREENLANG_WORKER_CLAIM_IDLE_TIME", CLAIM_IDLE_SECONDS + "s",
            "GREENLANG_WORKER_RECLAIM_INTERVAL", "1s",
            "GREENLANG_WORKER_BLOCK_TIMEOUT", "30s",
            "GREENLANG_REDIS_COMMAND_TIMEOUT", "40s",
            "GREENLANG_WORKER_SHUTDOWN_GRACE", "5s");
    LocalPlatform platform =
        LocalPlatform.start(
            new LocalPlatform.Settings(SandboxOptions.projectRoot(), work, 0, Map.of(), pods));
    try {
      String region = "e2e-" + suffix;
      String database = "gl_e2e_region_" + suffix.replace('-', '_');
      platform.writeRegionSecrets(region + "-postgres", region + "-redis", database);
      Region sample =
          Serialization.unmarshal(
              Files.readString(
                  SandboxOptions.projectRoot().resolve("samples/quickstart/01-region-eu.yaml")),
              Region.class);
      sample.getMetadata().setName(region);
      sample.getMetadata().setAnnotations(null);
      sample.getSpec().getPostgres().getSecretRef().setName(region + "-postgres");
      sample.getSpec().getRedis().getSecretRef().setName(region + "-redis");
      platform.client().resource(sample).create();
      return new LocalE2EPlatform(platform, region, database);
    } catch (Exception e) {
      platform.close();
      throw e;
    }
  }

  @Override
  public KubernetesClient client() {
    return platform.client();
  }

  @Override
  public String region() {
    return region;
  }

  @Override
  public List<String> readyPods(String namespace, String agent) {
    return platform.kubelet().pods(namespace, agent).stream()
        .filter(LocalPod::ready)
        .map(LocalPod::name)
        .toList();
  }

  @Override
  public void kill(String namespace, String pod) throws Exception {
    platform.kubelet().kill(pod);
  }

  @Override
  public boolean canFreeze() {
    return true;
  }

  @Override
  public void freeze(String namespace, String pod) throws Exception {
    signal(pod, "-STOP");
  }

  @Override
  public void thaw(String namespace, String pod) throws Exception {
    signal(pod, "-CONT");
  }

  private void signal(String podName, String signal) throws Exception {
    LocalPod pod =
        platform.kubelet().pods().stream()
            .filter(p -> p.name().equals(podName))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no pod " + podName));
    int exit = new ProcessBuilder("kill", signal, Long.toString(pod.pid())).start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("kill " + signal + " " + pod.pid() + " exited " + exit);
    }
  }

  @Override
  public Optional<Connection> database(String name) throws SQLException {
    return Optional.of(platform.postgres().openConnection(name));
  }

  @Override
  public Optional<RedisServerAddress> redis() {
    return Optional.of(platform.redis());
  }

  @Override
  public Duration claimIdleTime() {
    return Duration.ofSeconds(CLAIM_IDLE_SECONDS);
  }

  @Override
  public Duration runTimeout() {
    return Duration.ofSeconds(240);
  }

  @Override
  public void close() throws Exception {
    try {
      platform.close();
    } finally {
      try (Connection admin = TestPostgres.server().openConnection();
          Statement sql = admin.createStatement()) {
        sql.execute("DROP DATABASE IF EXISTS \"" + regionDatabase + "\" WITH (FORCE)");
      }
    }
  }
}
