package io.greenlang.operator.pipelinerun;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.agent.AgentTool;
import io.greenlang.crds.pipeline.Pipeline;
import io.greenlang.crds.pipeline.PipelineSpec;
import io.greenlang.crds.pipeline.PipelineStatus;
import io.greenlang.crds.pipelinerun.InputDataReference;
import io.greenlang.crds.pipelinerun.PipelineReference;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunSpec;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionStatus;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.crds.tenant.TenantSpec;
import io.greenlang.crds.tenant.TenantStatus;
import io.greenlang.crds.tenant.TenantTier;
import io.greenlang.operator.region.RegionFixtures;
import io.greenlang.testsupport.PostgresServer;
import io.greenlang.testsupport.RedisServerAddress;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.greenlang.testsupport.bus.StepTaskResponder;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A Ready Region and Tenant on the real PostgreSQL and Redis, Agents, Pipelines and runs for the
 * PipelineRun tests, and responders standing in for the agents' workers. {@link #close()} stops the
 * responders and drops what the tenants left on the servers.
 */
final class PipelineRunFixtures implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(30);

  final KubernetesClient client;
  final RegionFixtures regions;
  final PostgresServer postgres = TestPostgres.server();
  final RedisServerAddress redis = TestRedis.server();
  private final List<TestDatabase> databases = new ArrayList<>();
  private final List<String> tenants = new ArrayList<>();
  private final List<StepTaskResponder> responders = new ArrayList<>();

  PipelineRunFixtures(KubernetesClient client) {
    this.client = client;
    this.regions = new RegionFixtures(client);
  }

  private String region;

  /** A Ready Region, created on first use and shared by this fixture's tenants. */
  String region() {
    if (region != null) {
      return region;
    }
    String name = RegionFixtures.randomName("eu");
    TestDatabase shared = TestPostgres.createDatabase();
    databases.add(shared);
    regions.postgresSecret(name + "-pg", postgres, postgres.port(), shared.name());
    regions.redisSecret(name + "-redis", redis, redis.username(), redis.password());
    regions.region(name, name + "-pg", name + "-redis");
    await()
        .atMost(WAIT)
        .until(
            () -> client.resources(Region.class).withName(name).get(),
            r ->
                r.getStatus() != null
                    && r.getStatus()
                        .condition(RegionStatus.READY)
                        .map(c -> c.isTrue())
                        .orElse(false));
    region = name;
    return name;
  }

  /** A Ready Tenant of isolation database in the shared Region; returns the tenant's name. */
  String readyTenant(String prefix, Consumer<TenantSpec> customize) {
    String region = region();
    String name = RegionFixtures.randomName(prefix);
    TenantSpec spec = new TenantSpec();
    spec.setIsolation(IsolationLevel.DATABASE);
    spec.setRegion(region);
    spec.setTier(TenantTier.STARTER);
    customize.accept(spec);
    Tenant tenant = new Tenant();
    tenant.getMetadata().setName(name);
    tenant.setSpec(spec);
    tenants.add(name);
    client.resource(tenant).create();
    await()
        .atMost(WAIT)
        .until(
            () -> client.resources(Tenant.class).withName(name).get(),
            t ->
                t.getStatus() != null
                    && t.getStatus()
                        .condition(TenantStatus.READY)
                        .map(c -> c.isTrue())
                        .orElse(false));
    return name;
  }

  Agent agent(String namespace, String name, String... tools) {
    AgentSpec spec = new AgentSpec();
    for (String tool : tools) {
      spec.getTools().add(new AgentTool(tool));
    }
    Agent agent = new Agent();
    agent.getMetadata().setName(name);
    agent.getMetadata().setNamespace(namespace);
    agent.setSpec(spec);
    return client.resource(agent).create();
  }

  /** Creates the Pipeline and waits until it is validated (Valid True or False). */
  Pipeline pipeline(String namespace, String name, PipelineSpec spec) {
    Pipeline pipeline = new Pipeline();
    pipeline.getMetadata().setName(name);
    pipeline.getMetadata().setNamespace(namespace);
    pipeline.setSpec(spec);
    client.resource(pipeline).create();
    return await()
        .atMost(WAIT)
        .until(
            () -> client.resources(Pipeline.class).inNamespace(namespace).withName(name).get(),
            p ->
                p.getStatus() != null && p.getStatus().condition(PipelineStatus.VALID).isPresent());
  }

  PipelineRun run(String namespace, String name, String pipeline, Map<String, String> params) {
    return run(namespace, name, pipeline, params, spec -> {});
  }

  PipelineRun run(
      String namespace,
      String name,
      String pipeline,
      Map<String, String> params,
      Consumer<PipelineRunSpec> customize) {
    PipelineRunSpec spec = new PipelineRunSpec();
    spec.setPipelineRef(new PipelineReference(pipeline));
    spec.getParams().putAll(params);
    customize.accept(spec);
    PipelineRun run = new PipelineRun();
    run.getMetadata().setName(name);
    run.getMetadata().setNamespace(namespace);
    run.setSpec(spec);
    return client.resource(run).create();
  }

  /**
   * An input named {@code name} read from key {@code key} of a new ConfigMap holding {@code text}.
   */
  InputDataReference configMapInput(String namespace, String name, String key, String text) {
    String map = RegionFixtures.randomName("input");
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(map)
                .withNamespace(namespace)
                .endMetadata()
                .withData(Map.of(key, text))
                .build())
        .create();
    InputDataReference input = new InputDataReference();
    input.setName(name);
    input.setConfigMapKeyRef(
        new io.fabric8.kubernetes.api.model.ConfigMapKeySelector(key, map, false));
    return input;
  }

  StepTaskResponder responder(String tenant, String agent, StepTaskResponder.Behaviour behaviour) {
    StepTaskResponder responder = StepTaskResponder.start(redis, tenant, agent, behaviour);
    responders.add(responder);
    return responder;
  }

  PipelineRun get(PipelineRun run) {
    return client
        .resources(PipelineRun.class)
        .inNamespace(run.getMetadata().getNamespace())
        .withName(run.getMetadata().getName())
        .get();
  }

  PipelineRun awaitRun(PipelineRun run, Predicate<PipelineRun> condition) {
    try {
      return await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> get(run), r -> r != null && condition.test(r));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "run " + run.getMetadata().getName() + " now: " + describe(get(run)), e);
    }
  }

  static String describe(PipelineRun run) {
    return run == null
        ? "gone"
        : io.fabric8.kubernetes.client.utils.Serialization.asYaml(run.getStatus());
  }

  List<Event> events(PipelineRun run) {
    return client
        .v1()
        .events()
        .inNamespace(run.getMetadata().getNamespace())
        .list()
        .getItems()
        .stream()
        .filter(e -> run.getMetadata().getName().equals(e.getInvolvedObject().getName()))
        .toList();
  }

  /** Stops the responders, so the next test's own answer the agents' tasks. */
  void closeResponders() {
    responders.forEach(StepTaskResponder::close);
    responders.clear();
  }

  @Override
  public void close() throws Exception {
    closeResponders();
    for (TestDatabase database : databases) {
      database.close();
    }
    try (Connection admin = postgres.openConnection();
        Statement sql = admin.createStatement();
        RedisClient redisClient = RedisClient.create(redis.toRedisUri());
        var connection = redisClient.connect()) {
      for (String tenant : tenants) {
        String identifier = TenantNames.postgresIdentifier(tenant);
        sql.execute("DROP DATABASE IF EXISTS \"" + identifier + "\" WITH (FORCE)");
        sql.execute("DROP ROLE IF EXISTS \"" + identifier + "\"");
        connection.sync().aclDeluser("gl-" + tenant);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
          KeyScanCursor<String> page =
              connection
                  .sync()
                  .scan(
                      cursor,
                      ScanArgs.Builder.matches(TenantNames.redisPrefix(tenant) + "*").limit(500));
          if (!page.getKeys().isEmpty()) {
            connection.sync().del(page.getKeys().toArray(String[]::new));
          }
          cursor = page;
        } while (!cursor.isFinished());
      }
    }
  }
}
