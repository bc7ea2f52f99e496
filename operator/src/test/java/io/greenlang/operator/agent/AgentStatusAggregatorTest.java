package io.greenlang.operator.agent;

import static io.greenlang.operator.admission.AdmissionFixtures.EU_ENDPOINT;
import static io.greenlang.operator.admission.AdmissionFixtures.US_ENDPOINT;
import static io.greenlang.operator.admission.AdmissionFixtures.agent;
import static io.greenlang.operator.admission.AdmissionFixtures.region;
import static io.greenlang.operator.admission.AdmissionFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentPhase;
import io.greenlang.crds.agent.AgentStatus;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.common.DataClass;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.operator.admission.AgentAdmissionRules;
import io.greenlang.operator.admission.InMemoryLookup;
import io.greenlang.operator.status.StatusChange;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** AgentStatusAggregator: a fixed set of three conditions from the rules, nothing else decided. */
class AgentStatusAggregatorTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant T1 = Instant.parse("2026-03-01T10:05:00Z");

  private final InMemoryLookup lookup =
      new InMemoryLookup().with(region("eu")).with(tenant("acme", IsolationLevel.DATABASE, "eu"));

  private AgentStatus aggregate(Agent agent, Instant now) {
    return AgentStatusAggregator.aggregate(agent, AgentAdmissionRules.evaluate(agent, lookup), now);
  }

  private static Agent withGeneration(Agent agent, long generation) {
    agent.getMetadata().setGeneration(generation);
    return agent;
  }

  @Test
  void reportsTheThreeConditionsAndTheTenantWhenEverythingHolds() {
    AgentStatus status =
        aggregate(
            withGeneration(agent("gl-acme", "a", null, DataClass.PERSONAL, EU_ENDPOINT), 3), T0);

    assertThat(status.getTenant()).isEqualTo("acme");
    assertThat(status.getObservedGeneration()).isEqualTo(3L);
    assertThat(status.getPhase()).isNull();
    assertThat(status.getConditions())
        .extracting(Condition::getType)
        .containsExactly("TenantResolved", "ResidencyCompliant", "QuotaCompliant");
    assertThat(status.getConditions()).allMatch(Condition::isTrue);
    assertThat(status.getConditions()).allMatch(c -> c.getObservedGeneration() == 3L);
    assertThat(status.condition("TenantResolved").orElseThrow().getReason()).isEqualTo("Resolved");
    assertThat(status.condition("ResidencyCompliant").orElseThrow().getMessage())
        .isEqualTo("1 LLM endpoint(s) of Region \"eu\" allowed for personal data (anthropic-eu)");
    assertThat(status.condition("QuotaCompliant").orElseThrow().getReason())
        .isEqualTo("WithinQuota");
    assertThat(status.condition("QuotaCompliant").orElseThrow().getMessage())
        .isEqualTo("tenant \"acme\" has 1 of 10 Agents (tier FREE, quota agents)");
  }

  @Test
  void leavesResidencyAndQuotaUnknownWhileTheTenantIsUnresolved() {
    AgentStatus status = aggregate(agent("team-x", "a", null, DataClass.BUSINESS), T0);

    assertThat(status.getTenant()).isNull();
    Condition tenant = status.condition("TenantResolved").orElseThrow();
    assertThat(tenant.getStatus()).isEqualTo(ConditionStatus.False);
    assertThat(tenant.getReason()).isEqualTo("NamespaceNotTenant");
    assertThat(tenant.getMessage()).startsWith("metadata.namespace: namespace \"team-x\"");
    for (String type : new String[] {"ResidencyCompliant", "QuotaCompliant"}) {
      Condition open = status.condition(type).orElseThrow();
      assertThat(open.getStatus()).isEqualTo(ConditionStatus.Unknown);
      assertThat(open.getReason()).isEqualTo("TenantNotResolved");
    }
  }

  @Test
  void namesTheFieldOfAResidencyViolation() {
    Condition residency =
        aggregate(agent("gl-acme", "a", null, DataClass.BUSINESS, EU_ENDPOINT, US_ENDPOINT), T0)
            .condition("ResidencyCompliant")
            .orElseThrow();

    assertThat(residency.getStatus()).isEqualTo(ConditionStatus.False);
    assertThat(residency.getReason()).isEqualTo("ResidencyViolation");
    assertThat(residency.getMessage()).startsWith("spec.llm.providers[1].endpoint: endpoint");
  }

  @Test
  void keepsTransitionTimesAndWorkloadFieldsWhenNothingChanged() {
    Agent agent = agent("gl-acme", "a", null, DataClass.BUSINESS, EU_ENDPOINT);
    AgentStatus first = aggregate(agent, T0);
    first.setPhase(AgentPhase.READY);
    first.setReplicas("1/1");
    agent.setStatus(first);

    AgentStatus second = aggregate(agent, T1);

    assertThat(second.getConditions())
        .allMatch(c -> c.getLastTransitionTime().equals("2026-03-01T10:00:00Z"));
    assertThat(second.getPhase()).isEqualTo(AgentPhase.READY);
    assertThat(second.getReplicas()).isEqualTo("1/1");
    assertThat(StatusChange.differs(first, second)).isFalse();
  }
}
