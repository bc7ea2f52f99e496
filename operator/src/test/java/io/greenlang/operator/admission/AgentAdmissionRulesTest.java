package io.greenlang.operator.admission;

import static io.greenlang.operator.admission.AdmissionFixtures.EU_ENDPOINT;
import static io.greenlang.operator.admission.AdmissionFixtures.LOCAL_ENDPOINT;
import static io.greenlang.operator.admission.AdmissionFixtures.MENA_ENDPOINT;
import static io.greenlang.operator.admission.AdmissionFixtures.US_ENDPOINT;
import static io.greenlang.operator.admission.AdmissionFixtures.agent;
import static io.greenlang.operator.admission.AdmissionFixtures.region;
import static io.greenlang.operator.admission.AdmissionFixtures.tenant;
import static io.greenlang.operator.admission.AdmissionFixtures.withAgentQuota;
import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.common.DataClass;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.TenantTier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AgentAdmissionRules: tenant resolution, residency of LLM endpoints, and the Agent quota. */
class AgentAdmissionRulesTest {
  private final InMemoryLookup lookup =
      new InMemoryLookup()
          .with(region("eu"))
          .with(tenant("acme", IsolationLevel.DATABASE, "eu"))
          .with(tenant("bakery", IsolationLevel.LOGICAL, "eu"))
          .with(tenant("lost", IsolationLevel.DATABASE, "gone"));

  private List<FieldViolation> create(Agent agent) {
    return AgentAdmissionRules.admissionViolations(agent, lookup, true);
  }

  private static String only(List<FieldViolation> violations) {
    assertThat(violations).hasSize(1);
    return violations.get(0).describe();
  }

  @Test
  void resolvesTheOwnerOfADedicatedNamespace() {
    AgentTenantResolution resolution =
        AgentTenantResolution.resolve(agent("gl-acme", "a", null, DataClass.BUSINESS), lookup);

    assertThat(resolution.tenantName()).isEqualTo("acme");
    assertThat(resolution.field()).isEqualTo("metadata.namespace");
    assertThat(resolution.message())
        .isEqualTo("Tenant \"acme\" (isolation database) owns namespace gl-acme");
    assertThat(create(agent("gl-acme", "a", "acme", DataClass.BUSINESS))).isEmpty();
  }

  @Test
  void resolvesALogicalTenantInTheSharedNamespace() {
    AgentTenantResolution resolution =
        AgentTenantResolution.resolve(agent("gl-shared", "a", "bakery", DataClass.PUBLIC), lookup);

    assertThat(resolution.tenantName()).isEqualTo("bakery");
    assertThat(resolution.field()).isEqualTo("spec.tenant");
    assertThat(resolution.message()).isEqualTo("spec.tenant names logical Tenant \"bakery\"");
  }

  @Test
  void deniesANamespaceThatBelongsToNoTenant() {
    assertThat(only(create(agent("team-x", "a", null, DataClass.BUSINESS))))
        .isEqualTo(
            "metadata.namespace: namespace \"team-x\" belongs to no Tenant: Agents live in"
                + " gl-<tenant> or in gl-shared with spec.tenant");
    assertThat(only(create(agent("gl-nobody", "a", null, DataClass.BUSINESS))))
        .isEqualTo(
            "metadata.namespace: namespace \"gl-nobody\" belongs to no Tenant: Tenant \"nobody\""
                + " not found");
  }

  @Test
  void deniesALogicalTenantsOwnNamespace() {
    assertThat(only(create(agent("gl-bakery", "a", null, DataClass.BUSINESS))))
        .isEqualTo(
            "metadata.namespace: Tenant \"bakery\" has isolation logical: its Agents live in"
                + " namespace gl-shared with spec.tenant: bakery");
  }

  @Test
  void deniesASpecTenantThatContradictsTheNamespace() {
    List<FieldViolation> violations = create(agent("gl-acme", "a", "bakery", DataClass.BUSINESS));

    assertThat(violations.get(0).reason()).isEqualTo(AgentTenantResolution.TENANT_MISMATCH);
    assertThat(only(violations))
        .isEqualTo(
            "spec.tenant: \"bakery\" does not match Tenant \"acme\" that owns namespace gl-acme:"
                + " leave spec.tenant out or set it to \"acme\"");
  }

  @Test
  void deniesTheSharedNamespaceWithoutALogicalTenant() {
    assertThat(only(create(agent("gl-shared", "a", null, DataClass.BUSINESS))))
        .isEqualTo(
            "spec.tenant: required in namespace gl-shared: name the logical Tenant the Agent"
                + " belongs to");
    assertThat(only(create(agent("gl-shared", "a", "ghost", DataClass.BUSINESS))))
        .isEqualTo("spec.tenant: Tenant \"ghost\" not found");
    assertThat(only(create(agent("gl-shared", "a", "acme", DataClass.BUSINESS))))
        .isEqualTo(
            "spec.tenant: Tenant \"acme\" has isolation database: its Agents live in namespace"
                + " gl-acme, not gl-shared");
  }

  @Test
  void allowsEndpointsInTheRegionInsideTheClusterAndWhereTheDataClassMayGo() {
    assertThat(create(agent("gl-acme", "a", null, DataClass.PERSONAL, EU_ENDPOINT, LOCAL_ENDPOINT)))
        .isEmpty();
    assertThat(create(agent("gl-acme", "a", null, DataClass.BUSINESS, MENA_ENDPOINT))).isEmpty();
  }

  @Test
  void deniesAnEndpointTheRegionDoesNotList() {
    assertThat(only(create(agent("gl-acme", "a", null, DataClass.BUSINESS, EU_ENDPOINT, "nope"))))
        .isEqualTo(
            "spec.llm.providers[1].endpoint: endpoint \"nope\" is not in Region \"eu\""
                + " spec.llmEndpoints (anthropic-eu, local-model, openai-us, azure-mena)");
  }

  @Test
  void deniesPersonalDataToAnEndpointOutsideTheRegion() {
    List<FieldViolation> violations =
        create(agent("gl-acme", "a", null, DataClass.PERSONAL, EU_ENDPOINT, MENA_ENDPOINT));

    assertThat(violations.get(0).reason()).isEqualTo(AgentAdmissionRules.RESIDENCY_VIOLATION);
    assertThat(only(violations))
        .isEqualTo(
            "spec.llm.providers[1].endpoint: endpoint \"azure-mena\" (location me-south-1) is not"
                + " allowed for personal data in Region \"eu\": personal data must stay in region"
                + " EU, but me-south-1 is outside it");
  }

  @Test
  void deniesABlockedTargetForEveryDataClassAndNamesEachBrokenLink() {
    List<FieldViolation> violations =
        create(
            agent("gl-acme", "a", null, DataClass.PUBLIC, US_ENDPOINT, EU_ENDPOINT, US_ENDPOINT));

    assertThat(violations)
        .extracting(FieldViolation::field)
        .containsExactly("spec.llm.providers[0].endpoint", "spec.llm.providers[2].endpoint");
    assertThat(violations.get(0).message())
        .isEqualTo(
            "endpoint \"openai-us\" (location us-east-1) is not allowed for public data in Region"
                + " \"eu\": location us-east-1 is blocked by the Region's residency rule"
                + " blockedTargets us-*");
  }

  @Test
  void deniesEndpointsWhenTheTenantsRegionIsGone() {
    assertThat(only(create(agent("gl-lost", "a", null, DataClass.PUBLIC, EU_ENDPOINT))))
        .isEqualTo(
            "spec.llm.providers: Region \"gone\" of Tenant \"lost\" not found, so the LLM"
                + " endpoints cannot be checked");
    assertThat(create(agent("gl-lost", "a", null, DataClass.PUBLIC))).isEmpty();
  }

  @Test
  void deniesTheAgentAfterTheTiersQuotaIsFull() {
    for (int i = 0; i < 9; i++) {
      lookup.with(agent("gl-acme", "agent-" + i, null, DataClass.BUSINESS));
    }
    assertThat(create(agent("gl-acme", "tenth", "acme", DataClass.BUSINESS))).isEmpty();

    lookup.with(agent("gl-acme", "tenth", "acme", DataClass.BUSINESS));
    List<FieldViolation> violations =
        create(agent("gl-acme", "eleventh", "acme", DataClass.BUSINESS));

    assertThat(violations.get(0).reason()).isEqualTo(AgentAdmissionRules.QUOTA_EXCEEDED);
    assertThat(only(violations))
        .isEqualTo("spec.tenant: tenant \"acme\" has 10 of 10 Agents (tier FREE, quota agents)");
  }

  @Test
  void namesTheNamespaceAndTheOverrideWhenTheTenantIsImplied() {
    lookup.with(withAgentQuota(tenant("small", IsolationLevel.DATABASE, "eu"), 1));
    lookup.with(agent("gl-small", "first", null, DataClass.BUSINESS));

    assertThat(only(create(agent("gl-small", "second", null, DataClass.BUSINESS))))
        .isEqualTo(
            "metadata.namespace: tenant \"small\" has 1 of 1 Agents (tier FREE, quota agents from"
                + " spec.quotas.agents)");
    assertThat(
            AgentAdmissionRules.admissionViolations(
                agent("gl-small", "first", null, DataClass.PUBLIC), lookup, false))
        .as("an update is not held to the quota")
        .isEmpty();
  }

  @Test
  void countsOnlyTheLogicalTenantsOwnAgentsInTheSharedNamespace() {
    var tenant = tenant("tiny", IsolationLevel.LOGICAL, "eu");
    tenant.getSpec().setTier(TenantTier.STARTER);
    lookup.with(withAgentQuota(tenant, 2));
    lookup.with(agent("gl-shared", "other-1", "bakery", DataClass.BUSINESS));
    lookup.with(agent("gl-shared", "other-2", "bakery", DataClass.BUSINESS));
    lookup.with(agent("gl-shared", "mine-1", "tiny", DataClass.BUSINESS));

    assertThat(create(agent("gl-shared", "mine-2", "tiny", DataClass.BUSINESS))).isEmpty();
    lookup.with(agent("gl-shared", "mine-2", "tiny", DataClass.BUSINESS));
    assertThat(only(create(agent("gl-shared", "mine-3", "tiny", DataClass.BUSINESS))))
        .isEqualTo(
            "spec.tenant: tenant \"tiny\" has 2 of 2 Agents (tier STARTER, quota agents from"
                + " spec.quotas.agents)");
  }

  @Test
  void anExistingAgentIsWithinQuotaWhenTheCountIncludingItIs() {
    lookup.with(withAgentQuota(tenant("pair", IsolationLevel.DATABASE, "eu"), 2));
    Agent first = agent("gl-pair", "first", null, DataClass.BUSINESS);
    lookup.with(first).with(agent("gl-pair", "second", null, DataClass.BUSINESS));

    AgentRuleResults within = AgentAdmissionRules.evaluate(first, lookup);
    assertThat(within.quota().isCompliant()).isTrue();
    assertThat(within.quota().message())
        .isEqualTo(
            "tenant \"pair\" has 2 of 2 Agents (tier FREE, quota agents from spec.quotas.agents)");

    lookup.with(agent("gl-pair", "third", null, DataClass.BUSINESS));
    AgentRuleResults over = AgentAdmissionRules.evaluate(first, lookup);
    assertThat(over.quota().message())
        .isEqualTo(
            "metadata.namespace: tenant \"pair\" has 3 Agents, more than its quota of 2 (tier"
                + " FREE, quota agents from spec.quotas.agents)");
  }

  @Test
  void anAgentBeingDeletedDoesNotCount() {
    lookup.with(withAgentQuota(tenant("one", IsolationLevel.DATABASE, "eu"), 1));
    Agent leaving = agent("gl-one", "leaving", null, DataClass.BUSINESS);
    leaving.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");
    lookup.with(leaving);

    assertThat(create(agent("gl-one", "next", null, DataClass.BUSINESS))).isEmpty();
  }

  @Test
  void evaluateLeavesResidencyAndQuotaOpenWhenTheTenantIsUnknown() {
    AgentRuleResults results =
        AgentAdmissionRules.evaluate(agent("team-x", "a", null, DataClass.BUSINESS), lookup);

    assertThat(results.tenant().isResolved()).isFalse();
    assertThat(results.residency()).isNull();
    assertThat(results.quota()).isNull();
    assertThat(results.violations()).hasSize(1);
  }
}
