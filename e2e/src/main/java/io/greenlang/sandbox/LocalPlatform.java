package io.greenlang.sandbox;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.sandbox.kubelet.KubeletSettings;
import io.greenlang.sandbox.kubelet.LocalKubelet;
import io.greenlang.testsupport.PostgresServer;
import io.greenlang.testsupport.RedisServerAddress;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.greenlang.testsupport.kubernetes.MockKubernetesApi;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GreenLang on one machine, the sandbox's and the E2E tests' stand-in for a cluster: PostgreSQL and
 * Redis (the machine's, named by GL_POSTGRES_URL / GL_REDIS_URL, or embedded ones), a Kubernetes
 * API server (the fabric8 mock, CRUD mode, with the GreenLang CRDs), the operator as a real process
 * and the {@link LocalKubelet} running agent-runtime processes for the Deployments it creates.
 */
public final class LocalPlatform implements AutoCloseable {
  public static final String OPERATOR_NAMESPACE = "greenlang-system";

  private final PostgresServer postgres;
  private final RedisServerAddress redis;
  private final MockKubernetesApi api;
  private final JavaProcess operator;
  private final LocalKubelet kubelet;
  private final Path projectRoot;

  private LocalPlatform(
      Path projectRoot,
      PostgresServer postgres,
      RedisServerAddress redis,
      MockKubernetesApi api,
      JavaProcess operator,
      LocalKubelet kubelet) {
    this.projectRoot = projectRoot;
    this.postgres = postgres;
    this.redis = redis;
    this.api = api;
    this.operator = operator;
    this.kubelet = kubelet;
  }

  /**
   * What to start.
   *
   * @param projectRoot where the built operator and agent-runtime applications are
   * @param workDir logs and pod files
   * @param apiPort the API server's port, 0 for any free one
   * @param operatorEnvironment added to the operator's environment (settings of tests)
   * @param podEnvironment added to every agent pod's environment (settings the Agent API lacks)
   */
  public record Settings(
      Path projectRoot,
      Path workDir,
      int apiPort,
      Map<String, String> operatorEnvironment,
      Map<String, String> podEnvironment) {}

  /** Starts everything and waits until the operator is ready. */
  public static LocalPlatform start(Settings settings) throws IOException, InterruptedException {
    PostgresServer postgres = TestPostgres.server();
    RedisServerAddress redis = TestRedis.server();
    MockKubernetesApi api = MockKubernetesApi.start(settings.apiPort());
    JavaProcess operator = null;
    try {
      new ManifestApplier(api.client()).ensureNamespace(OPERATOR_NAMESPACE);
      Map<String, String> environment = new HashMap<>(operatorEnvironment(api));
      environment.putAll(settings.operatorEnvironment());
      operator =
          JavaProcess.startOperator(
              settings.projectRoot().resolve("operator/target/quarkus-app/quarkus-run.jar"),
              environment,
              settings.workDir().resolve("operator.log"));
      operator.awaitReady(Duration.ofSeconds(120));
      LocalKubelet kubelet =
          LocalKubelet.start(
              api.client(),
              KubeletSettings.of(settings.projectRoot(), settings.workDir())
                  .withExtraEnvironment(settings.podEnvironment()));
      return new LocalPlatform(settings.projectRoot(), postgres, redis, api, operator, kubelet);
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (operator != null) {
        operator.close();
      }
      api.close();
      throw e;
    }
  }

  /**
   * Writes the Secrets a Region's {@code postgres} and {@code redis} connections name, in the
   * operator's namespace, for this machine's servers and the given shared database (created if
   * missing).
   */
  public void writeRegionSecrets(String postgresSecret, String redisSecret, String database) {
    Map<String, String> pg = new LinkedHashMap<>();
    pg.put("host", postgres.host());
    pg.put("port", Integer.toString(postgres.port()));
    pg.put("database", ensureDatabase(postgres, database));
    pg.put("username", postgres.username());
    if (postgres.password() != null) {
      pg.put("password", postgres.password());
    }
    Map<String, String> cache = new LinkedHashMap<>();
    cache.put("host", redis.host());
    cache.put("port", Integer.toString(redis.port()));
    if (redis.username() != null) {
      cache.put("username", redis.username());
    }
    if (redis.password() != null) {
      cache.put("password", redis.password());
    }
    secret(OPERATOR_NAMESPACE, postgresSecret, pg);
    secret(OPERATOR_NAMESPACE, redisSecret, cache);
  }

  /** Creates or replaces a Secret with the given string data. */
  public void secret(String namespace, String name, Map<String, String> data) {
    client()
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withStringData(data)
                .build())
        .createOr(s -> s.update());
  }

  /** A database on the server, created on first use so the platform keeps out of others. */
  static String ensureDatabase(PostgresServer postgres, String database) {
    try (Connection admin = postgres.openConnection();
        PreparedStatement exists =
            admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (ResultSet found = exists.executeQuery()) {
        if (!found.next()) {
          try (Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE \"" + database + "\"");
          }
        }
      }
      return database;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + database + " on " + postgres, e);
    }
  }

  private static Map<String, String> operatorEnvironment(MockKubernetesApi api) {
    return Map.of(
        "QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL",
        api.url(),
        "QUARKUS_KUBERNETES_CLIENT_TRUST_CERTS",
        "true",
        "QUARKUS_KUBERNETES_CLIENT_NAMESPACE",
        OPERATOR_NAMESPACE,
        "GL_OPERATOR_NAMESPACE",
        OPERATOR_NAMESPACE,
        "QUARKUS_ANALYTICS_DISABLED",
        "true");
  }

  public KubernetesClient client() {
    return api.client();
  }

  public MockKubernetesApi api() {
    return api;
  }

  public PostgresServer postgres() {
    return postgres;
  }

  public RedisServerAddress redis() {
    return redis;
  }

  public JavaProcess operator() {
    return operator;
  }

  public LocalKubelet kubelet() {
    return kubelet;
  }

  /**
   * Stops the pods, the operator and the API server, then any application of this project that this
   * JVM started and that is still alive (a pod a racing sync started while stopping), so Ctrl-C
   * leaves no orphan JVMs. The embedded PostgreSQL and Redis, children of this JVM too, stay: they
   * belong to the JVM, not to this platform, and outlive it.
   */
  @Override
  public void close() throws InterruptedException {
    try {
      kubelet.close();
    } finally {
      try {
        operator.close();
      } finally {
        api.close();
        ProcessHandle.current()
            .children()
            .filter(process -> runsApplicationUnder(projectRoot, process))
            .forEach(ProcessHandle::destroyForcibly);
      }
    }
  }

  /**
   * Whether a process runs an application of the project in {@code projectRoot} ({@code java ...
   * -jar <root>/...jar}).
   */
  static boolean runsApplicationUnder(Path projectRoot, ProcessHandle process) {
    String root = projectRoot.toAbsolutePath().normalize().toString();
    return process.info().arguments().stream()
        .flatMap(Arrays::stream)
        .anyMatch(argument -> argument.startsWith(root) && argument.endsWith(".jar"));
  }
}
