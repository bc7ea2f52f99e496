package io.greenlang.operator.agent;

import static io.greenlang.operator.admission.AdmissionFixtures.EU_ENDPOINT;
import static io.greenlang.operator.admission.AdmissionFixtures.US_ENDPOINT;
import static io.greenlang.operator.admission.AdmissionFixtures.agent;
import static io.greenlang.operator.admission.AdmissionFixtures.randomName;
import static io.greenlang.operator.admission.AdmissionFixtures.region;
import static io.greenlang.operator.admission.AdmissionFixtures.tenant;
import static io.greenlang.operator.admission.AdmissionFixtures.withAgentQuota;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentPhase;
import io.greenlang.crds.agent.AgentStatus;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.common.DataClass;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.testsupport.kubernetes.MockKubernetesApiResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Agent backstop against the mock API server, which enforces no webhook: Agents that break the
 * admission rules are stored anyway, and the reconciler reports each broken rule in a condition
 * naming the field and in a Warning Event, and notices when it is fixed. The fixtures' Tenants are
 * never provisioned, so no workload is created (AgentWorkloadIT covers workloads).
 */
@QuarkusTest
@QuarkusTestResource(MockKubernetesApiResource.class)
class AgentReconcilerIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private KubernetesClient client;
  private String region;

  @BeforeEach
  void setUp() {
    client = MockKubernetesApiResource.api().client();
    region = randomName("eu");
    create(region(region));
  }

  private <T extends HasMetadata> T create(T resource) {
    return client.resource(resource).create();
  }

  private Agent get(Agent agent) {
    return client
        .resources(Agent.class)
        .inNamespace(agent.getMetadata().getNamespace())
        .withName(agent.getMetadata().getName())
        .get();
  }

  private Agent awaitCondition(Agent agent, String type, ConditionStatus status) {
    return await()
        .atMost(WAIT)
        .until(
            () -> get(agent),
            a ->
                a.getStatus() != null
                    && a.getStatus()
                        .condition(type)
                        .map(c -> c.getStatus() == status)
                        .orElse(false));
  }

  private List<Event> events(Agent agent) {
    return client
        .v1()
        .events()
        .inNamespace(agent.getMetadata().getNamespace())
        .list()
        .getItems()
        .stream()
        .filter(e -> agent.getMetadata().getName().equals(e.getInvolvedObject().getName()))
        .toList();
  }

  private Event awaitEvent(Agent agent, String reason) {
    return await()
        .atMost(WAIT)
        .until(
            () -> events(agent).stream().filter(e -> reason.equals(e.getReason())).findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  @Test
  void compliantAgentOfAnUnprovisionedTenantWaitsUninitializedWithoutWorkload() {
    String acme = randomName("acme");
    create(tenant(acme, IsolationLevel.DATABASE, region));
    Agent agent = create(agent("gl-" + acme, "calculator", null, DataClass.PERSONAL, EU_ENDPOINT));

    Agent seen = awaitCondition(agent, AgentStatus.QUOTA_COMPLIANT, ConditionStatus.True);

    AgentStatus status = seen.getStatus();
    assertThat(status.getTenant()).isEqualTo(acme);
    assertThat(status.getObservedGeneration()).isEqualTo(seen.getMetadata().getGeneration());
    assertThat(status.getConditions())
        .extracting(Condition::getType)
        .containsExactly(
            "TenantResolved", "ResidencyCompliant", "QuotaCompliant", "Ready", "Available");
    assertThat(status.getConditions().subList(0, 3)).allMatch(Condition::isTrue);
    // The fixture's Tenant is never provisioned, so its credentials Secret never appears.
    assertThat(status.getPhase()).isEqualTo(AgentPhase.UNINITIALIZED);
    Condition ready = status.condition(AgentStatus.READY).orElseThrow();
    assertThat(ready.getStatus()).isEqualTo(ConditionStatus.False);
    assertThat(ready.getReason()).isEqualTo("CredentialsNotFound");
    assertThat(status.getEndpoint()).isNull();
    assertThat(status.condition(AgentStatus.QUOTA_COMPLIANT).orElseThrow().getMessage())
        .isEqualTo("tenant \"" + acme + "\" has 1 of 10 Agents (tier FREE, quota agents)");
    assertThat(client.apps().deployments().inNamespace("gl-" + acme).list().getItems()).isEmpty();
    assertThat(events(agent))
        .filteredOn(e -> "Warning".equals(e.getType()))
        .extracting(Event::getReason)
        .containsOnly("AgentWaiting");
  }

  /**
   * The Tenant controller keeps only Agent references in its cache (AgentReferences): it still
   * counts the Agents of the tenant's namespace and those of the shared namespace naming it, and
   * the count follows an Agent going (it once stayed at its first value: the status was changed in
   * place, so no change was seen).
   */
  @Test
  void theTenantCountsItsAgentsInItsNamespaceAndTheSharedOne() {
    String acme = randomName("acme");
    create(tenant(acme, IsolationLevel.DATABASE, region));
    create(agent("gl-" + acme, "calculator", null, DataClass.BUSINESS));
    Agent second = create(agent("gl-" + acme, "reporter", null, DataClass.BUSINESS));
    create(agent("gl-shared", randomName("shared"), acme, DataClass.BUSINESS));
    create(agent("gl-shared", randomName("other"), randomName("other"), DataClass.BUSINESS));

    await().atMost(WAIT).untilAsserted(() -> assertThat(agentsCounted(acme)).isEqualTo(3));
    client.resource(second).delete();
    await().atMost(WAIT).until(() -> get(second) == null);
    await().atMost(WAIT).untilAsserted(() -> assertThat(agentsCounted(acme)).isEqualTo(2));
  }

  private int agentsCounted(String tenant) {
    Tenant seen = client.resources(Tenant.class).withName(tenant).get();
    return seen.getStatus() == null || seen.getStatus().getUsage() == null
        ? -1
        : seen.getStatus().getUsage().getAgents();
  }

  @Test
  void agentOutsideAnyTenantIsReportedAndResolvesOnceItsTenantExists() {
    String late = randomName("late");
    Agent agent = create(agent("gl-" + late, "early", null, DataClass.BUSINESS));

    Agent seen = awaitCondition(agent, AgentStatus.TENANT_RESOLVED, ConditionStatus.False);

    Condition tenant = seen.getStatus().condition(AgentStatus.TENANT_RESOLVED).orElseThrow();
    assertThat(tenant.getReason()).isEqualTo("NamespaceNotTenant");
    assertThat(tenant.getMessage())
        .isEqualTo(
            "metadata.namespace: namespace \"gl-"
                + late
                + "\" belongs to no Tenant: Tenant \""
                + late
                + "\" not found");
    assertThat(seen.getStatus().getTenant()).isNull();
    assertThat(
            seen.getStatus().condition(AgentStatus.RESIDENCY_COMPLIANT).orElseThrow().getStatus())
        .isEqualTo(ConditionStatus.Unknown);
    Event warning = awaitEvent(agent, "AgentTenantUnresolved");
    assertThat(warning.getType()).isEqualTo("Warning");
    assertThat(warning.getMessage()).isEqualTo(tenant.getMessage());

    create(tenant(late, IsolationLevel.DATABASE, region));

    Agent resolved = awaitCondition(agent, AgentStatus.TENANT_RESOLVED, ConditionStatus.True);
    assertThat(resolved.getStatus().getTenant()).isEqualTo(late);
  }

  @Test
  void residencyViolationIsReportedUntilTheAgentIsFixed() {
    String acme = randomName("acme");
    create(tenant(acme, IsolationLevel.DATABASE, region));
    Agent agent =
        create(agent("gl-" + acme, "leaky", null, DataClass.PERSONAL, EU_ENDPOINT, US_ENDPOINT));

    Agent seen = awaitCondition(agent, AgentStatus.RESIDENCY_COMPLIANT, ConditionStatus.False);

    Condition residency = seen.getStatus().condition(AgentStatus.RESIDENCY_COMPLIANT).orElseThrow();
    assertThat(residency.getReason()).isEqualTo("ResidencyViolation");
    assertThat(residency.getMessage())
        .startsWith(
            "spec.llm.providers[1].endpoint: endpoint \"openai-us\" (location us-east-1) is not"
                + " allowed for personal data in Region \""
                + region
                + "\"");
    assertThat(awaitEvent(agent, "AgentResidencyViolation").getMessage())
        .isEqualTo(residency.getMessage());

    seen.getSpec().getLlm().getProviders().remove(1);
    client.resource(seen).update();

    Agent fixed = awaitCondition(agent, AgentStatus.RESIDENCY_COMPLIANT, ConditionStatus.True);
    assertThat(fixed.getStatus().getObservedGeneration())
        .isEqualTo(fixed.getMetadata().getGeneration());
  }

  @Test
  void agentsBeyondTheQuotaAreReportedAndRecoverWhenOneIsDeleted() {
    String pair = randomName("pair");
    create(withAgentQuota(tenant(pair, IsolationLevel.DATABASE, region), 1));
    Agent first = create(agent("gl-" + pair, "first", null, DataClass.BUSINESS));
    awaitCondition(first, AgentStatus.QUOTA_COMPLIANT, ConditionStatus.True);

    Agent second = create(agent("gl-" + pair, "second", null, DataClass.BUSINESS));

    Agent over = awaitCondition(second, AgentStatus.QUOTA_COMPLIANT, ConditionStatus.False);
    Condition quota = over.getStatus().condition(AgentStatus.QUOTA_COMPLIANT).orElseThrow();
    assertThat(quota.getReason()).isEqualTo("QuotaExceeded");
    assertThat(quota.getMessage())
        .isEqualTo(
            "metadata.namespace: tenant \""
                + pair
                + "\" has 2 Agents, more than its quota of 1 (tier FREE, quota agents from"
                + " spec.quotas.agents)");
    awaitCondition(first, AgentStatus.QUOTA_COMPLIANT, ConditionStatus.False);
    awaitEvent(second, "AgentQuotaExceeded");

    client.resource(first).delete();

    awaitCondition(second, AgentStatus.QUOTA_COMPLIANT, ConditionStatus.True);
  }

  @Test
  void raisingTheTenantsQuotaIsNoticed() {
    String pair = randomName("grow");
    Tenant tenant = create(withAgentQuota(tenant(pair, IsolationLevel.DATABASE, region), 1));
    create(agent("gl-" + pair, "first", null, DataClass.BUSINESS));
    Agent second = create(agent("gl-" + pair, "second", null, DataClass.BUSINESS));
    awaitCondition(second, AgentStatus.QUOTA_COMPLIANT, ConditionStatus.False);

    // A merge patch without resourceVersion: the operator may be writing the Tenant's status
    // meanwhile.
    client
        .resources(Tenant.class)
        .withName(tenant.getMetadata().getName())
        .patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
            "{\"spec\":{\"quotas\":{\"agents\":5}}}");

    Agent within = awaitCondition(second, AgentStatus.QUOTA_COMPLIANT, ConditionStatus.True);
    assertThat(within.getStatus().condition(AgentStatus.QUOTA_COMPLIANT).orElseThrow().getMessage())
        .contains("has 2 of 5 Agents");
  }

  @Test
  void statusIsNotRewrittenWhileNothingChanges() throws InterruptedException {
    String acme = randomName("quiet");
    create(tenant(acme, IsolationLevel.DATABASE, region));
    Agent agent = create(agent("gl-" + acme, "steady", null, DataClass.BUSINESS, US_ENDPOINT));
    Agent reported = awaitCondition(agent, AgentStatus.RESIDENCY_COMPLIANT, ConditionStatus.False);
    awaitEvent(agent, "AgentResidencyViolation");
    int eventsBefore = events(agent).size();

    // Agents are re-checked every second in tests; five re-checks must leave the object untouched.
    Thread.sleep(5_000);

    assertThat(get(agent).getMetadata().getResourceVersion())
        .isEqualTo(reported.getMetadata().getResourceVersion());
    assertThat(events(agent)).hasSize(eventsBefore);
  }
}
