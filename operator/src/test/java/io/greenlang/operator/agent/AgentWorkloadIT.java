package io.greenlang.operator.agent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentPhase;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.agent.AgentStatus;
import io.greenlang.crds.agent.LlmChain;
import io.greenlang.crds.agent.LlmProviderRef;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.common.SecretKeySelector;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.SlaTier;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.operator.region.RegionFixtures;
import io.greenlang.operator.tenant.TenantFixtures;
import io.greenlang.testsupport.kubernetes.MockKubernetesApi;
import io.greenlang.testsupport.kubernetes.MockKubernetesApiResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An Agent becomes a workload on the mock API server: the exact objects for a database-level and a
 * logical tenant, the phase following the Deployment's status (patched here in place of the
 * Deployment controller), pause and resume, a changed Secret rolling the pods, and a settled Agent
 * that causes no writes.
 */
@QuarkusTest
@QuarkusTestResource(MockKubernetesApiResource.class)
class AgentWorkloadIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject AgentWorkloads workloads;

  private MockKubernetesApi api;
  private KubernetesClient client;
  private TenantFixtures fixtures;
  private String region;

  @BeforeEach
  void setUp() {
    api = MockKubernetesApiResource.api();
    client = api.client();
    fixtures = new TenantFixtures(client);
    region = RegionFixtures.randomName("eu");
    fixtures.readyRegion(region);
  }

  @AfterEach
  void dropTenantData() throws Exception {
    fixtures.dropTenantData();
  }

  private String readyTenant(
      IsolationLevel isolation, Consumer<io.greenlang.crds.tenant.TenantSpec> spec) {
    String name = RegionFixtures.randomName("t");
    fixtures.tenant(name, isolation, region, spec);
    fixtures.awaitReady(name, ConditionStatus.True);
    return name;
  }

  private Secret llmKey(String namespace, String value) {
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName("llm-key")
            .withNamespace(namespace)
            .endMetadata()
            .addToStringData("api-key", value)
            .build();
    return client.resource(secret).createOr(existing -> existing.update());
  }

  private Agent agent(String namespace, String tenant, Consumer<AgentSpec> customize) {
    LlmProviderRef link = new LlmProviderRef();
    link.setName("primary");
    link.setEndpoint("anthropic-eu");
    link.setModel("claude-sonnet-4-5");
    link.setApiKeySecretRef(new SecretKeySelector("llm-key", "api-key"));
    LlmChain chain = new LlmChain();
    chain.setProviders(List.of(link));
    AgentSpec spec = new AgentSpec();
    spec.setTenant(tenant);
    spec.setLlm(chain);
    customize.accept(spec);
    Agent agent = new Agent();
    agent.getMetadata().setName(RegionFixtures.randomName("agent"));
    agent.getMetadata().setNamespace(namespace);
    agent.setSpec(spec);
    return client.resource(agent).create();
  }

  private Agent get(Agent agent) {
    return client.resource(agent).get();
  }

  private Agent awaitAgent(Agent agent, Predicate<Agent> condition, String what) {
    return await()
        .atMost(WAIT)
        .alias(what + " of " + agent.getMetadata().getName())
        .until(() -> get(agent), a -> a != null && a.getStatus() != null && condition.test(a));
  }

  private Agent awaitPhase(Agent agent, AgentPhase phase) {
    return awaitAgent(agent, a -> a.getStatus().getPhase() == phase, "phase " + phase);
  }

  private <T extends HasMetadata> T object(Class<T> kind, Agent agent, String name) {
    return client
        .resources(kind)
        .inNamespace(agent.getMetadata().getNamespace())
        .withName(name)
        .get();
  }

  private Deployment deployment(Agent agent) {
    return object(Deployment.class, agent, agent.getMetadata().getName());
  }

  private Deployment awaitDeployment(Agent agent, Predicate<Deployment> condition) {
    return await().atMost(WAIT).until(() -> deployment(agent), d -> d != null && condition.test(d));
  }

  /** Plays the Deployment controller: reports {@code ready} ready replicas. */
  private void reportReady(Agent agent, int ready) {
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () -> {
              client
                  .apps()
                  .deployments()
                  .inNamespace(agent.getMetadata().getNamespace())
                  .withName(agent.getMetadata().getName())
                  .editStatus(
                      d -> {
                        d.setStatus(
                            new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
                                .withObservedGeneration(d.getMetadata().getGeneration())
                                .withReplicas(ready)
                                .withUpdatedReplicas(ready)
                                .withReadyReplicas(ready)
                                .withAvailableReplicas(ready)
                                .build());
                        return d;
                      });
              return true;
            });
  }

  private static String configHash(Deployment deployment) {
    return deployment
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get("greenlang.io/config-hash");
  }

  @Test
  void databaseTenantsAgentGetsItsWorkloadAndBecomesReady() {
    String tenant = readyTenant(IsolationLevel.DATABASE, s -> s.setSla(SlaTier.ENHANCED));
    String namespace = "gl-" + tenant;
    llmKey(namespace, "sk-first");
    Agent agent = agent(namespace, null, s -> {});
    String name = agent.getMetadata().getName();

    Agent initializing = awaitPhase(agent, AgentPhase.INITIALIZING);

    Deployment deployment = deployment(agent);
    assertThat(deployment.getSpec().getReplicas()).as("enhanced SLA floor").isEqualTo(2);
    assertThat(deployment.getMetadata().getLabels())
        .containsEntry("greenlang.io/agent", name)
        .containsEntry("greenlang.io/tenant", tenant);
    assertThat(deployment.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(initializing.getMetadata().getUid()));
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getEnv())
        .filteredOn(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
        .extracting(e -> e.getValueFrom().getSecretKeyRef().getName())
        .containsOnly("greenlang-credentials");
    ConfigMap configMap = object(ConfigMap.class, agent, name);
    assertThat(configMap.getData().get("agent.yaml")).contains("tenant: \"" + tenant + "\"");
    assertThat(object(Service.class, agent, name).getSpec().getPorts().get(0).getPort())
        .isEqualTo(8080);
    assertThat(object(ServiceAccount.class, agent, name).getAutomountServiceAccountToken())
        .isFalse();
    assertThat(object(NetworkPolicy.class, agent, name)).isNotNull();
    assertThat(object(PodDisruptionBudget.class, agent, name)).isNotNull();
    assertThat(object(HorizontalPodAutoscaler.class, agent, name)).isNull();
    assertThat(object(Secret.class, agent, name + "-credentials"))
        .as("a dedicated namespace's pods read the tenant's own Secret")
        .isNull();
    assertThat(initializing.getStatus().getReplicas()).isEqualTo("0/2");
    assertThat(initializing.getStatus().getEndpoint())
        .isEqualTo("http://" + name + "." + namespace + ".svc:8080");

    reportReady(agent, 2);

    Agent ready = awaitPhase(agent, AgentPhase.READY);
    AgentStatus status = ready.getStatus();
    assertThat(status.getReadyReplicas()).isEqualTo(2);
    assertThat(status.getReplicas()).isEqualTo("2/2");
    assertThat(status.condition(AgentStatus.READY).orElseThrow().getStatus())
        .isEqualTo(ConditionStatus.True);
    assertThat(status.condition(AgentStatus.AVAILABLE).orElseThrow().getStatus())
        .isEqualTo(ConditionStatus.True);
    assertThat(status.condition(AgentStatus.READY).orElseThrow().getObservedGeneration())
        .isEqualTo(ready.getMetadata().getGeneration());
  }

  @Test
  void logicalTenantsAgentRunsInTheSharedNamespaceWithACopyOfItsCredentials() {
    String tenant = readyTenant(IsolationLevel.LOGICAL, s -> {});
    llmKey("gl-shared", "sk-shared");
    Agent agent = agent("gl-shared", tenant, s -> {});
    String name = agent.getMetadata().getName();

    awaitPhase(agent, AgentPhase.INITIALIZING);

    Secret original =
        client
            .secrets()
            .inNamespace("greenlang-system")
            .withName("tenant-" + tenant + "-credentials")
            .get();
    Secret copy = object(Secret.class, agent, name + "-credentials");
    assertThat(copy.getData()).isEqualTo(original.getData());
    assertThat(copy.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getName()).isEqualTo(name));
    Deployment deployment = deployment(agent);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(object(PodDisruptionBudget.class, agent, name)).as("standard SLA").isNull();
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .filteredOn(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
        .extracting(EnvVar::getValueFrom)
        .allSatisfy(
            v -> assertThat(v.getSecretKeyRef().getName()).isEqualTo(name + "-credentials"));
    assertThat(object(ConfigMap.class, agent, name).getData().get("agent.yaml"))
        .contains("isolation: \"logical\"")
        .contains("namespace: \"gl-shared\"");
  }

  @Test
  void pausingScalesToZeroAndResumingComesBackThroughResuming() {
    String tenant = readyTenant(IsolationLevel.DATABASE, s -> {});
    llmKey("gl-" + tenant, "sk-pause");
    Agent agent = agent("gl-" + tenant, null, s -> {});
    awaitPhase(agent, AgentPhase.INITIALIZING);
    reportReady(agent, 1);
    awaitPhase(agent, AgentPhase.READY);

    client
        .resources(Agent.class)
        .inNamespace(agent.getMetadata().getNamespace())
        .withName(agent.getMetadata().getName())
        .edit(
            a -> {
              a.getSpec().setPaused(true);
              return a;
            });

    awaitDeployment(agent, d -> d.getSpec().getReplicas() == 0);
    reportReady(agent, 0);
    Agent paused = awaitPhase(agent, AgentPhase.PAUSED);
    assertThat(paused.getStatus().condition(AgentStatus.READY).orElseThrow().getReason())
        .isEqualTo("Paused");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                    .containsPattern("greenlang_agents\\{phase=\"PAUSED\"[^}]*} [1-9]")
                    .contains("greenlang_agents{phase=\"TERMINATED\""));

    client
        .resources(Agent.class)
        .inNamespace(agent.getMetadata().getNamespace())
        .withName(agent.getMetadata().getName())
        .edit(
            a -> {
              a.getSpec().setPaused(false);
              return a;
            });

    awaitDeployment(agent, d -> d.getSpec().getReplicas() == 1);
    awaitPhase(agent, AgentPhase.RESUMING);
    reportReady(agent, 1);
    awaitPhase(agent, AgentPhase.READY);
  }

  @Test
  void aChangedSecretRollsThePodTemplate() {
    String tenant = readyTenant(IsolationLevel.DATABASE, s -> {});
    llmKey("gl-" + tenant, "sk-old");
    Agent agent = agent("gl-" + tenant, null, s -> {});
    awaitPhase(agent, AgentPhase.INITIALIZING);
    String before = configHash(deployment(agent));

    llmKey("gl-" + tenant, "sk-new");

    Deployment rolled = awaitDeployment(agent, d -> !before.equals(configHash(d)));
    assertThat(configHash(rolled)).hasSize(64);
    assertThat(rolled.getSpec().getTemplate().toString()).doesNotContain("sk-new");
  }

  @Test
  void aReadyAgentReconciledTwentyMoreTimesWritesNothing() throws Exception {
    String tenant = readyTenant(IsolationLevel.DATABASE, s -> s.setSla(SlaTier.PREMIUM));
    llmKey("gl-" + tenant, "sk-steady");
    Agent agent = agent("gl-" + tenant, null, s -> {});
    awaitPhase(agent, AgentPhase.INITIALIZING);
    reportReady(agent, 3);
    Agent ready = awaitPhase(agent, AgentPhase.READY);
    String deploymentVersion = deployment(agent).getMetadata().getResourceVersion();
    Tenant owner = client.resources(Tenant.class).withName(tenant).get();
    Region placedIn = client.resources(Region.class).withName(region).get();
    api.takeRequests();

    for (int pass = 0; pass < 20; pass++) {
      WorkloadOutcome outcome = workloads.apply(ready, owner, placedIn);
      assertThat(outcome).isInstanceOf(WorkloadOutcome.Applied.class);
      var applied = (WorkloadOutcome.Applied) outcome;
      assertThat(applied.created() || applied.rolled()).as("pass %d", pass).isFalse();
      var state =
          AgentLifecycle.decide(outcome, false, AgentPhase.READY, ready.getStatus().getEndpoint());
      assertThat(state.phase()).isEqualTo(AgentPhase.READY);
    }

    List<String> writes =
        api.takeRequests().stream()
            .filter(r -> !r.startsWith("GET "))
            .filter(r -> r.contains(agent.getMetadata().getName()) || r.contains("gl-" + tenant))
            .toList();
    assertThat(writes)
        .as("writes to the API server for agent %s", agent.getMetadata().getName())
        .isEmpty();
    // The reconciler itself re-checks every second in tests: three more passes write nothing.
    Thread.sleep(3_000);
    assertThat(get(agent).getMetadata().getResourceVersion())
        .isEqualTo(ready.getMetadata().getResourceVersion());
    assertThat(deployment(agent).getMetadata().getResourceVersion()).isEqualTo(deploymentVersion);
  }
}
