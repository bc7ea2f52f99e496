package io.greenlang.sandbox;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionStatus;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantPhase;
import io.greenlang.testsupport.PostgresServer;
import io.greenlang.testsupport.RedisServerAddress;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.greenlang.testsupport.kubernetes.MockKubernetesApi;
import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local sandbox: an embedded Kubernetes API with the GreenLang CRDs, PostgreSQL and Redis (the
 * machine's, named by GL_POSTGRES_URL / GL_REDIS_URL, or embedded ones), and the operator as a real
 * process. It applies the quickstart samples, waits for them to settle and prints them with status.
 */
public final class Sandbox {
  static final String OPERATOR_NAMESPACE = "greenlang-system";

  /** Kept referenced: java.util.logging forgets levels set on loggers nobody holds. */
  private static final java.util.logging.Logger MOCK_SERVER_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private final SandboxOptions options;
  private final PrintStream out;

  Sandbox(SandboxOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    // v1alpha1 is this API's version on purpose; the client's warning about it is noise here.
    System.setProperty(
        "org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils",
        "error");
    SandboxOptions options;
    try {
      options = SandboxOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(new Sandbox(options, System.out).run());
  }

  /** Runs the sandbox; returns the process exit code. */
  int run() throws Exception {
    // The mock API server logs every request; the sandbox prints its own summary instead.
    MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    Files.createDirectories(options.workDir());
    out.println(
        "GreenLang sandbox: starting PostgreSQL, Redis, the Kubernetes API and the operator...");
    PostgresServer postgres = TestPostgres.server();
    RedisServerAddress redis = TestRedis.server();
    out.printf("  PostgreSQL      %s:%d%n", postgres.host(), postgres.port());
    out.printf("  Redis           %s:%d%n", redis.host(), redis.port());
    try (MockKubernetesApi api = MockKubernetesApi.start(options.apiPort())) {
      KubernetesClient client = api.client();
      out.printf(
          "  Kubernetes API  %s (fabric8 mock server, CRUD mode, 5 GreenLang CRDs)%n", api.url());
      var applier = new ManifestApplier(client);
      applier.ensureNamespace(OPERATOR_NAMESPACE);
      writeConnectionSecrets(client, postgres, redis);
      try (JavaProcess operator =
          JavaProcess.startOperator(
              options.operatorApplication(),
              operatorEnvironment(api),
              options.workDir().resolve("operator.log"))) {
        operator.awaitReady(Duration.ofSeconds(90));
        out.printf(
            "  Operator        %s (health /q/health, metrics /q/metrics; log %s)%n",
            operator.httpUrl(), operator.log());

        var applied = applier.applyFolder(options.samples());
        out.printf("%nApplied %d objects from %s%n", applied.size(), options.samples());
        var table = new ResourceTable(client);
        boolean settled = awaitSettled(client, table);
        out.println();
        out.print(table.render());
        printEvents(client);
        boolean regionsReady = regionsReady(client);
        if (!settled) {
          out.println(
              "\nResources did not settle within " + options.settleTimeout().toSeconds() + " s.");
        }
        if (options.once()) {
          return settled && regionsReady ? 0 : 1;
        }
        out.println("\nSandbox running. Press Ctrl-C to stop.");
        awaitInterrupt(operator);
      }
    }
    return 0;
  }

  private void writeConnectionSecrets(
      KubernetesClient client, PostgresServer postgres, RedisServerAddress redis) {
    Map<String, String> pg = new LinkedHashMap<>();
    pg.put("host", postgres.host());
    pg.put("port", Integer.toString(postgres.port()));
    pg.put("database", ensureDatabase(postgres, options.database()));
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
    for (var secret : Map.of("quickstart-postgres", pg, "quickstart-redis", cache).entrySet()) {
      client
          .secrets()
          .inNamespace(OPERATOR_NAMESPACE)
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName(secret.getKey())
                  .withNamespace(OPERATOR_NAMESPACE)
                  .endMetadata()
                  .withStringData(secret.getValue())
                  .build())
          .createOr(s -> s.update());
    }
  }

  /**
   * The Region's shared database: created on first use so the sandbox keeps out of other databases.
   */
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

  /**
   * Settled: every Region has a status for its current generation, and the whole table stayed the
   * same for two consecutive looks a second apart.
   */
  private boolean awaitSettled(KubernetesClient client, ResourceTable table)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(options.settleTimeout());
    String previous = null;
    while (Instant.now().isBefore(deadline)) {
      String current = table.render();
      if (regionsObserved(client) && tenantsSettled(client) && current.equals(previous)) {
        return true;
      }
      previous = current;
      Thread.sleep(1000);
    }
    return false;
  }

  private static boolean regionsObserved(KubernetesClient client) {
    return client.resources(Region.class).list().getItems().stream()
        .allMatch(
            r ->
                r.getStatus() != null
                    && r.getMetadata()
                        .getGeneration()
                        .equals(r.getStatus().getObservedGeneration()));
  }

  /**
   * Every Tenant has been reconciled, and none still waits for a Region that is by now Ready (the
   * operator is about to provision it).
   */
  private static boolean tenantsSettled(KubernetesClient client) {
    List<Region> regions = client.resources(Region.class).list().getItems();
    return client.resources(Tenant.class).list().getItems().stream()
        .allMatch(
            t -> {
              if (t.getStatus() == null) {
                return false;
              }
              boolean waitsForRegion =
                  t.getStatus().getPhase() == TenantPhase.Pending
                      || t.getStatus().getPhase() == TenantPhase.Provisioning;
              boolean regionReady =
                  regions.stream()
                      .filter(r -> r.getMetadata().getName().equals(t.getSpec().getRegion()))
                      .anyMatch(
                          r ->
                              r.getStatus() != null
                                  && r.getStatus()
                                      .condition(RegionStatus.READY)
                                      .map(Condition::isTrue)
                                      .orElse(false));
              return !(waitsForRegion && regionReady);
            });
  }

  private static boolean regionsReady(KubernetesClient client) {
    return client.resources(Region.class).list().getItems().stream()
        .allMatch(
            r ->
                r.getStatus() != null
                    && r.getStatus()
                        .condition(RegionStatus.READY)
                        .map(Condition::isTrue)
                        .orElse(false));
  }

  private void printEvents(KubernetesClient client) {
    List<Event> events =
        client.v1().events().inAnyNamespace().list().getItems().stream()
            .filter(
                e ->
                    String.valueOf(e.getInvolvedObject().getApiVersion())
                        .startsWith("greenlang.io/"))
            .toList();
    if (events.isEmpty()) {
      return;
    }
    out.println("\nEvents:");
    for (Event e : events) {
      out.printf(
          "  %-8s %-22s %s/%s: %s%n",
          e.getType(),
          e.getReason(),
          e.getInvolvedObject().getKind(),
          e.getInvolvedObject().getName(),
          e.getMessage());
    }
  }

  /**
   * Blocks until Ctrl-C; the hook stops the operator itself because the JVM may halt right after.
   */
  private static void awaitInterrupt(JavaProcess operator) throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.countDown();
                  try {
                    operator.close();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "sandbox-stop"));
    stop.await();
  }
}
