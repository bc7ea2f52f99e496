package io.greenlang.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.agent.AgentTool;
import io.greenlang.crds.common.SecretReference;
import io.greenlang.crds.pipeline.Pipeline;
import io.greenlang.crds.pipeline.PipelineSpec;
import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipeline.WorkflowPattern;
import io.greenlang.crds.pipelinerun.PipelineReference;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunSpec;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.pipelinerun.StepStatus;
import io.greenlang.crds.region.DataServiceConnection;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCluster;
import io.greenlang.crds.region.RegionCode;
import io.greenlang.crds.region.RegionSpec;
import io.greenlang.crds.runtime.RunProvenance;
import io.greenlang.crds.runtime.StepStreams;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.crds.tenant.TenantSpec;
import io.greenlang.testsupport.PostgresServer;
import io.greenlang.testsupport.RedisServerAddress;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.greenlang.testsupport.bus.StepTaskResponder;
import io.greenlang.testsupport.bus.StepTaskResponder.Reply;
import io.greenlang.testsupport.kubernetes.MockKubernetesApi;
import io.lettuce.core.RedisClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator killed (SIGKILL) in the middle of a run and started again: the new process knows
 * nothing but the run's status and its result stream, and finishes the run with every step executed
 * once. One step finishes while no operator runs; another is still running when the new operator
 * starts, so it publishes that attempt again (same task id), which the worker answers from its
 * store without running it twice.
 */
class PipelineRunRestartIT {
  private static final String NAMESPACE = "greenlang-system";
  private static final Duration WAIT = Duration.ofSeconds(90);

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String tenant = "restart-" + suffix;
  private final String namespace = TenantNames.namespace(tenant);
  private final PostgresServer postgres = TestPostgres.server();
  private final RedisServerAddress redis = TestRedis.server();
  private final CountDownLatch releaseTwo = new CountDownLatch(1);
  private TestDatabase regionDatabase;

  @AfterEach
  void dropTenantData() throws Exception {
    releaseTwo.countDown();
    if (regionDatabase != null) {
      regionDatabase.close();
    }
    String identifier = TenantNames.postgresIdentifier(tenant);
    try (Connection admin = postgres.openConnection();
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS \"" + identifier + "\" WITH (FORCE)");
      sql.execute("DROP ROLE IF EXISTS \"" + identifier + "\"");
    }
    try (RedisClient client = RedisClient.create(redis.toRedisUri());
        var connection = client.connect()) {
      connection.sync().aclDeluser("gl-" + tenant);
      List<String> keys = connection.sync().keys(TenantNames.redisPrefix(tenant) + "*");
      if (!keys.isEmpty()) {
        connection.sync().del(keys.toArray(String[]::new));
      }
    }
  }

  @Test
  void aRestartedOperatorResumesTheRunAndEveryStepRunsOnce() throws Exception {
    Path work = Files.createTempDirectory("gl-restart-it");
    try (MockKubernetesApi api = MockKubernetesApi.start();
        StepTaskResponder steps = StepTaskResponder.start(redis, tenant, "steps", this::answer)) {
      KubernetesClient client = api.client();
      createTenant(client);
      PipelineRun run = createRun(client);
      Path application =
          SandboxOptions.projectRoot().resolve("operator/target/quarkus-app/quarkus-run.jar");

      JavaProcess first =
          JavaProcess.startOperator(application, environment(api), work.resolve("first.log"));
      PipelineRun running;
      try {
        first.awaitReady(WAIT);
        running = awaitRun(client, run, r -> phase(r, "two") == RunPhase.Running);
      } finally {
        first.kill();
      }
      assertThat(phase(running, "one")).isEqualTo(RunPhase.Succeeded);
      await(
          () -> steps.executions(taskId(running, "two")) == 1,
          () -> "step two started on its worker");

      try (JavaProcess second =
          JavaProcess.startOperator(application, environment(api), work.resolve("second.log"))) {
        second.awaitReady(WAIT);
        // The new process publishes the attempt of step two again: two entries on the stream.
        await(
            () -> taskStreamLength() == 2,
            () ->
                "step two published again by the new operator; tasks on the stream: "
                    + taskStreamLength()
                    + ", run: "
                    + io.fabric8.kubernetes.client.utils.Serialization.asYaml(
                        client.resource(run).get().getStatus()));
        releaseTwo.countDown();

        PipelineRun done =
            awaitRun(client, run, r -> r.getStatus().getPhase() == RunPhase.Succeeded);

        assertThat(done.getStatus().getSteps()).extracting(StepStatus::getAttempts).containsOnly(1);
        for (String step : List.of("one", "two", "three", "four")) {
          assertThat(steps.executions(taskId(done, step))).as("executions of " + step).isEqualTo(1);
        }
        assertThat(steps.deliveries())
            .extracting(StepTask::step)
            .containsExactly("one", "two", "two", "three", "four");
        assertThat(done.getStatus().getProvenanceRootHash())
            .isEqualTo(
                RunProvenance.rootHash(
                    done.getStatus().getSteps().stream()
                        .map(StepStatus::getProvenanceHash)
                        .toList()));
      }
    }
  }

  /** Step two waits for the test's release, so it is still running when the operator restarts. */
  private Reply answer(StepTask task) {
    if (task.step().equals("two")) {
      try {
        releaseTwo.await(WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return Reply.succeed(Map.of("value", task.step()));
  }

  private long taskStreamLength() {
    try (RedisClient client = RedisClient.create(redis.toRedisUri());
        var connection = client.connect()) {
      return connection.sync().xlen(StepStreams.tasks(tenant, "steps"));
    }
  }

  private void createTenant(KubernetesClient client) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .createOr(n -> n.update());
    regionDatabase = TestPostgres.createDatabase();
    secret(
        client,
        "restart-pg-" + suffix,
        Map.of(
            "host", postgres.host(),
            "port", Integer.toString(postgres.port()),
            "database", regionDatabase.name(),
            "username", postgres.username()));
    secret(
        client,
        "restart-redis-" + suffix,
        Map.of("host", redis.host(), "port", Integer.toString(redis.port())));
    RegionSpec regionSpec = new RegionSpec();
    regionSpec.setCode(RegionCode.EU);
    regionSpec.setPrimaryLocation("eu-central-1");
    RegionCluster local = new RegionCluster();
    local.setName("local");
    local.setLocal(true);
    regionSpec.setClusters(List.of(local));
    regionSpec.setPostgres(
        new DataServiceConnection(new SecretReference("restart-pg-" + suffix, NAMESPACE)));
    regionSpec.setRedis(
        new DataServiceConnection(new SecretReference("restart-redis-" + suffix, NAMESPACE)));
    Region region = new Region();
    region.getMetadata().setName("eu-" + suffix);
    region.setSpec(regionSpec);
    client.resource(region).create();
    TenantSpec tenantSpec = new TenantSpec();
    tenantSpec.setIsolation(IsolationLevel.DATABASE);
    tenantSpec.setRegion("eu-" + suffix);
    Tenant created = new Tenant();
    created.getMetadata().setName(tenant);
    created.setSpec(tenantSpec);
    client.resource(created).create();
    AgentSpec agentSpec = new AgentSpec();
    agentSpec.getTools().add(new AgentTool("report"));
    Agent agent = new Agent();
    agent.getMetadata().setName("steps");
    agent.getMetadata().setNamespace(namespace);
    agent.setSpec(agentSpec);
    client.resource(agent).create();
  }

  private PipelineRun createRun(KubernetesClient client) {
    PipelineSpec spec = new PipelineSpec();
    spec.setPattern(WorkflowPattern.PIPELINE);
    for (String name : List.of("one", "two", "three", "four")) {
      PipelineStep step = new PipelineStep();
      step.setName(name);
      step.setAgent("steps");
      step.getInputs()
          .put(
              "previous",
              name.equals("one") ? "none" : "${steps." + previous(name) + ".outputs.value}");
      spec.getSteps().add(step);
    }
    Pipeline pipeline = new Pipeline();
    pipeline.getMetadata().setName("four-steps");
    pipeline.getMetadata().setNamespace(namespace);
    pipeline.setSpec(spec);
    client.resource(pipeline).create();
    PipelineRunSpec runSpec = new PipelineRunSpec();
    runSpec.setPipelineRef(new PipelineReference("four-steps"));
    PipelineRun run = new PipelineRun();
    run.getMetadata().setName("resume-me");
    run.getMetadata().setNamespace(namespace);
    run.setSpec(runSpec);
    return client.resource(run).create();
  }

  private static String previous(String step) {
    List<String> order = List.of("one", "two", "three", "four");
    return order.get(order.indexOf(step) - 1);
  }

  private static void secret(KubernetesClient client, String name, Map<String, String> data) {
    client
        .secrets()
        .inNamespace(NAMESPACE)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withStringData(data)
                .build())
        .create();
  }

  private static Map<String, String> environment(MockKubernetesApi api) {
    return Map.of(
        "QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL",
        api.url(),
        "QUARKUS_KUBERNETES_CLIENT_TRUST_CERTS",
        "true",
        "QUARKUS_KUBERNETES_CLIENT_NAMESPACE",
        NAMESPACE,
        "GL_OPERATOR_NAMESPACE",
        NAMESPACE,
        "QUARKUS_ANALYTICS_DISABLED",
        "true",
        "GREENLANG_PIPELINERUN_RESULT_READ_BLOCK",
        "1s");
  }

  private static RunPhase phase(PipelineRun run, String step) {
    if (run.getStatus() == null) {
      return null;
    }
    return run.getStatus().getSteps().stream()
        .filter(s -> s.getName().equals(step))
        .map(StepStatus::getPhase)
        .findFirst()
        .orElse(null);
  }

  private static String taskId(PipelineRun run, String step) {
    return run.getMetadata().getUid() + "/" + step + "/1";
  }

  private static PipelineRun awaitRun(
      KubernetesClient client, PipelineRun run, Predicate<PipelineRun> condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    PipelineRun current = null;
    while (Instant.now().isBefore(deadline)) {
      current =
          client
              .resources(PipelineRun.class)
              .inNamespace(run.getMetadata().getNamespace())
              .withName(run.getMetadata().getName())
              .get();
      if (current != null && current.getStatus() != null && condition.test(current)) {
        return current;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "run not as expected within "
            + WAIT
            + ": "
            + (current == null ? null : current.getStatus()));
  }

  private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + WAIT + ": " + what.get());
      }
      Thread.sleep(100);
    }
  }
}
