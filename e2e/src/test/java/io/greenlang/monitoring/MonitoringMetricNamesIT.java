package io.greenlang.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.monitoring.ChartMonitoring.Query;
import io.greenlang.testsupport.PostgresServer;
import io.greenlang.testsupport.RedisServerAddress;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.greenlang.testsupport.kubernetes.HelmLookupApi;
import io.greenlang.testsupport.kubernetes.MockKubernetesApi;
import io.lettuce.core.RedisClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every metric a Grafana dashboard or the PrometheusRule of the chart names is exported by a
 * freshly started operator or agent runtime (or comes from Prometheus or kube-state-metrics, see
 * {@link OtherExporters}). Both applications run as processes from their built jars: the operator
 * against the mock Kubernetes API with one Tenant (per-tenant series appear with a tenant), the
 * runtime with an agent configured (step worker and LLM gateway), on a fresh PostgreSQL database
 * and Redis. Nothing is called: series that only appear after a first event must be registered at
 * startup, so dashboards and alerts have data from the first scrape.
 */
class MonitoringMetricNamesIT {
  private static final Duration START = Duration.ofSeconds(120);
  private static final String NAMESPACE = "greenlang-system";

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String runtimeTenant = "metrics-" + suffix;
  private final RedisServerAddress redis = TestRedis.server();

  @AfterEach
  void deleteTheRuntimesRedisKeys() {
    RedisClient client = RedisClient.create(redis.toRedisUri());
    try (var connection = client.connect()) {
      List<String> keys = connection.sync().keys("t:" + runtimeTenant + ":*");
      if (!keys.isEmpty()) {
        connection.sync().del(keys.toArray(String[]::new));
      }
    } finally {
      client.shutdown();
    }
  }

  @Test
  void dashboardsAndAlertsNameOnlyMetricsTheApplicationsExport() throws Exception {
    Path root = Path.of(Objects.requireNonNull(System.getProperty("gl.project.root")));
    Path chart = ChartMonitoring.chart(root);
    List<Query> queries = new ArrayList<>(ChartMonitoring.dashboardQueries(chart));
    try (HelmLookupApi lookup = HelmLookupApi.startForKubeconfigVariable()) {
      queries.addAll(ChartMonitoring.ruleExpressions(chart));
    }
    Path work = Files.createTempDirectory("gl-metrics-it");

    Set<String> exported = new TreeSet<>();
    try (MockKubernetesApi api = MockKubernetesApi.start();
        TestDatabase database = TestPostgres.createDatabase()) {
      createTenant(api);
      try (ApplicationProcess operator =
              ApplicationProcess.start(
                  "operator",
                  root.resolve("operator/target/quarkus-app/quarkus-run.jar"),
                  operatorEnvironment(api),
                  work.resolve("operator.log"));
          ApplicationProcess runtime =
              ApplicationProcess.start(
                  "agent-runtime",
                  root.resolve("agent-runtime/target/quarkus-app/quarkus-run.jar"),
                  runtimeEnvironment(database, work),
                  work.resolve("agent-runtime.log"))) {
        operator.awaitReady(START);
        runtime.awaitReady(START);
        exported.addAll(awaitTenantSeries(operator));
        exported.addAll(ExportedMetrics.names(runtime.scrape()));
      }
    }

    List<String> missing = new ArrayList<>();
    for (Query query : queries) {
      for (String name : PromQlMetricNames.of(query.expression())) {
        if (!exported.contains(name) && !OtherExporters.provides(name)) {
          missing.add(name + " (" + query.source() + ")");
        }
      }
    }
    assertThat(queries).hasSizeGreaterThan(50);
    assertThat(missing)
        .as(
            "metrics named by dashboards or alerts that neither application exports; exported: %s",
            exported)
        .isEmpty();
  }

  /** The operator exports a tenant's series once it has reconciled it. */
  private static Set<String> awaitTenantSeries(ApplicationProcess operator) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    Set<String> names = ExportedMetrics.names(operator.scrape());
    while (!names.contains("greenlang_tenant_quota") && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      names = ExportedMetrics.names(operator.scrape());
    }
    return names;
  }

  /** A Tenant whose Region does not exist: it waits, and its quotas and budget are exported. */
  private void createTenant(MockKubernetesApi api) {
    api.client()
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    Tenant tenant =
        Serialization.unmarshal(
            """
            apiVersion: greenlang.io/v1alpha1
            kind: Tenant
            metadata:
              name: metrics-%s
            spec:
              isolation: logical
              region: nowhere-%s
              tier: STARTER
              budget:
                monthlyLimitUsd: "100.00"
            """
                .formatted(suffix, suffix),
            Tenant.class);
    api.client().resource(tenant).create();
  }

  private static Map<String, String> operatorEnvironment(MockKubernetesApi api) {
    return Map.of(
        "QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL",
        api.url(),
        "QUARKUS_KUBERNETES_CLIENT_TRUST_CERTS",
        "true",
        "QUARKUS_KUBERNETES_CLIENT_NAMESPACE",
        NAMESPACE,
        "GL_OPERATOR_NAMESPACE",
        NAMESPACE);
  }

  /** An agent as the operator configures its pods: agent.yaml, an API key file, a database. */
  private Map<String, String> runtimeEnvironment(TestDatabase database, Path work)
      throws Exception {
    Path secrets = Files.createDirectories(work.resolve("secrets/llm-keys"));
    Files.writeString(secrets.resolve("openai"), "sk-metrics-test-0123456789\n");
    Path agent = work.resolve("agent.yaml");
    Files.writeString(
        agent,
        """
        tenant: %s
        agent: explainer
        namespace: gl-%s
        isolation: logical
        tier: STARTER
        regionName: eu
        region:
          code: EU
          primaryLocation: eu-central-1
          residency:
            allowedDataClasses: [public, business]
          llmEndpoints:
            - name: openai-eu
              provider: openai
              url: http://127.0.0.1:9/v1
              location: eu-west-1
        tenantBudget:
          monthlyLimitUsd: "100.00"
        llmTokensPerDay: 100000
        spec:
          dataClass: business
          llm:
            providers:
              - name: primary
                endpoint: openai-eu
                model: gpt-4o-mini
                apiKeySecretRef: {name: llm-keys, key: openai}
        """
            .formatted(runtimeTenant, runtimeTenant));
    PostgresServer postgres = database.server();
    Map<String, String> environment = new HashMap<>();
    environment.put("GL_POSTGRES_URL", database.jdbcUrl());
    environment.put("GL_POSTGRES_USER", postgres.username());
    environment.put("GL_POSTGRES_PASSWORD", Objects.requireNonNullElse(postgres.password(), ""));
    environment.put("GL_REDIS_URL", redis.uri());
    environment.put("GL_REDIS_PASSWORD", Objects.requireNonNullElse(redis.password(), ""));
    environment.put("GL_AGENT_CONFIG", agent.toString());
    environment.put("GL_SECRETS_DIR", work.resolve("secrets").toString());
    return environment;
  }
}
