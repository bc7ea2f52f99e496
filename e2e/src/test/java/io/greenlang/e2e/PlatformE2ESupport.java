package io.greenlang.e2e;

import static org.assertj.core.api.Assumptions.assumeThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.LlmProviderRef;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.pipelinerun.StepStatus;
import io.greenlang.crds.tenant.DeletionPolicy;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.crds.tenant.TenantStatus;
import io.greenlang.sandbox.SandboxOptions;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One platform ({@link E2EPlatform}: local by default, a real cluster with {@code
 * -De2e.kubeconfig}) and one tenant per test class, shared by its tests so the suite starts the
 * operator and the agent pods once per class; each test uses runs of its own. Helpers apply the
 * repository's samples into the tenant's namespace and wait for runs.
 */
abstract class PlatformE2ESupport {
  protected static E2EPlatform platform;
  protected static String tenant;
  protected static String namespace;
  private static final List<String> TENANTS = new ArrayList<>();

  @BeforeAll
  static void startPlatform() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String kubeconfig = System.getProperty("e2e.kubeconfig", "");
    platform =
        kubeconfig.isBlank()
            ? LocalE2EPlatform.start(suffix)
            : ClusterE2EPlatform.connect(Path.of(kubeconfig));
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    try {
      for (String name : TENANTS) {
        client().resources(Tenant.class).withName(name).delete();
      }
      if (platform instanceof LocalE2EPlatform) {
        platform.close();
        TENANTS.forEach(TenantData::drop);
      } else {
        platform.close();
      }
    } finally {
      TENANTS.clear();
      platform = null;
    }
  }

  protected static KubernetesClient client() {
    return platform.client();
  }

  /**
   * Creates the class's tenant from the quickstart's Tenant (isolation {@code database}), named
   * {@code <prefix>-<random>}, in the platform's Region, and waits until it is Ready.
   */
  protected static void createTenant(String prefix) throws Exception {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    Tenant sample = load("quickstart/02-tenant-acme-steel.yaml", Tenant.class);
    sample.getMetadata().setName(name);
    sample.getMetadata().setAnnotations(null);
    sample.getSpec().setRegion(platform.region());
    sample.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    sample.getSpec().setBranding(null);
    TENANTS.add(name);
    client().resource(sample).create();
    tenant = name;
    namespace = TenantNames.namespace(name);
    await(
        Duration.ofSeconds(180),
        () -> {
          Tenant t = client().resources(Tenant.class).withName(name).get();
          return t.getStatus() != null
              && t.getStatus().condition(TenantStatus.READY).map(c -> c.isTrue()).orElse(false);
        },
        () ->
            "Tenant " + name + " Ready: " + client().resources(Tenant.class).withName(name).get());
  }

  /** A sample file (path under samples/) as one object of the given type. */
  protected static <T> T load(String sample, Class<T> type) throws Exception {
    return Serialization.unmarshal(Files.readString(samples().resolve(sample)), type);
  }

  /** The objects of a sample file, moved into the class's tenant namespace. */
  protected static List<HasMetadata> loadAll(String sample) throws Exception {
    try (InputStream in = Files.newInputStream(samples().resolve(sample))) {
      List<HasMetadata> objects = client().load(in).items();
      objects.forEach(o -> o.getMetadata().setNamespace(namespace));
      return objects;
    }
  }

  /** Applies the samples' objects into the tenant namespace. */
  protected static void applySamples(String... samples) throws Exception {
    for (String sample : samples) {
      for (HasMetadata object : loadAll(sample)) {
        client().resource(object).createOr(NonDeletingOperation::update);
      }
    }
  }

  /**
   * Applies an Agent (into the tenant namespace), first creating the LLM key Secrets it names: the
   * scenarios' tools are deterministic and call no LLM, but the pods mount the Secrets.
   */
  protected static void applyAgent(Agent agent) {
    agent.getMetadata().setNamespace(namespace);
    agent.getMetadata().setAnnotations(null);
    if (agent.getSpec().getLlm() != null) {
      for (LlmProviderRef provider : agent.getSpec().getLlm().getProviders()) {
        if (provider.getApiKeySecretRef() != null) {
          client()
              .secrets()
              .inNamespace(namespace)
              .resource(
                  new SecretBuilder()
                      .withNewMetadata()
                      .withName(provider.getApiKeySecretRef().getName())
                      .endMetadata()
                      .build())
              .createOr(NonDeletingOperation::update);
        }
      }
    }
    client().resource(agent).createOr(NonDeletingOperation::update);
  }

  /** Waits until the Agent's Deployment has {@code count} ready pods; returns their names. */
  protected static List<String> awaitPods(String agent, int count) throws Exception {
    await(
        Duration.ofSeconds(180),
        () -> platform.readyPods(namespace, agent).size() >= count,
        () -> agent + ": " + count + " ready pods, have " + platform.readyPods(namespace, agent));
    return platform.readyPods(namespace, agent);
  }

  /** Creates a run (into the tenant namespace). */
  protected static PipelineRun createRun(PipelineRun run) {
    run.getMetadata().setNamespace(namespace);
    return client().resource(run).create();
  }

  protected static PipelineRun run(String name) {
    return client().resources(PipelineRun.class).inNamespace(namespace).withName(name).get();
  }

  /** Waits until the run's {@code Succeeded} condition is True or False. */
  protected static PipelineRun awaitFinished(String name) throws Exception {
    return awaitRun(
        name,
        r ->
            r.getStatus()
                .condition(PipelineRunStatus.SUCCEEDED)
                .map(c -> c.getStatus() != ConditionStatus.Unknown)
                .orElse(false));
  }

  protected static PipelineRun awaitRun(String name, Predicate<PipelineRun> condition)
      throws Exception {
    await(
        platform.runTimeout(),
        () -> {
          PipelineRun run = run(name);
          return run != null && run.getStatus() != null && condition.test(run);
        },
        () -> "PipelineRun " + name + ": " + Serialization.asYaml(run(name)));
    return run(name);
  }

  protected static StepStatus step(PipelineRun run, String name) {
    return run.getStatus().getSteps().stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + name + " in " + run.getStatus()));
  }

  /** The run's stored step results; the test is skipped where the database cannot be reached. */
  protected static List<StoredResults.Row> storedResults(PipelineRun run) throws Exception {
    String database =
        client().resources(Tenant.class).withName(tenant).get().getStatus().getDatabase();
    var connection = platform.database(database);
    assumeThat(connection)
        .as("the tenant's database is reachable (-De2e.postgres.url)")
        .isPresent();
    try (Connection c = connection.get()) {
      return StoredResults.of(c, run.getMetadata().getUid());
    }
  }

  protected static void await(Duration timeout, BooleanSupplier condition, Supplier<String> what)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + timeout + ": " + what.get());
      }
      Thread.sleep(250);
    }
  }

  private static Path samples() {
    return SandboxOptions.projectRoot().resolve("samples");
  }
}
