package io.greenlang.operator.agent.workload;

import static io.greenlang.operator.agent.workload.WorkloadFixtures.agent;
import static io.greenlang.operator.agent.workload.WorkloadFixtures.tenant;
import static io.greenlang.operator.agent.workload.WorkloadFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.greenlang.crds.agent.AgentAutoscaling;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.SlaTier;
import io.greenlang.crds.tenant.Tenant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The other objects of an Agent's workload: labels and owner, ConfigMap, credentials copy, Service,
 * ServiceAccount, autoscaler, disruption budget and network policy.
 */
class AgentObjectsDependentTest {
  private static final Tenant ACME = tenant("acme", IsolationLevel.DATABASE, SlaTier.STANDARD);

  @Test
  void everyObjectIsLabelledAndOwnedByTheAgent() {
    AgentWorkload workload = workload(agent("gl-acme", "calc", s -> {}), ACME);

    var metadata = AgentServiceDependent.desired(workload).getMetadata();

    assertThat(metadata.getName()).isEqualTo("calc");
    assertThat(metadata.getNamespace()).isEqualTo("gl-acme");
    assertThat(metadata.getLabels())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "app.kubernetes.io/name", "greenlang-agent",
                "app.kubernetes.io/instance", "calc",
                "app.kubernetes.io/managed-by", "greenlang-operator",
                "greenlang.io/tenant", "acme",
                "greenlang.io/agent", "calc"));
    assertThat(metadata.getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getKind()).isEqualTo("Agent");
              assertThat(o.getApiVersion()).isEqualTo("greenlang.io/v1alpha1");
              assertThat(o.getUid()).isEqualTo("uid-calc");
              assertThat(o.getController()).isTrue();
            });
    assertThat(workload.endpoint()).isEqualTo("http://calc.gl-acme.svc:8080");
  }

  @Test
  void configMapHoldsTheRuntimeConfigurationWithoutConnections() throws Exception {
    var configMap =
        AgentConfigMapDependent.desired(workload(agent("gl-acme", "calc", s -> {}), ACME));

    String yaml = configMap.getData().get("agent.yaml");
    AgentRuntimeConfiguration read =
        new ObjectMapper(new YAMLFactory()).readValue(yaml, AgentRuntimeConfiguration.class);
    assertThat(read.getTenant()).isEqualTo("acme");
    assertThat(read.getAgent()).isEqualTo("calc");
    assertThat(read.getNamespace()).isEqualTo("gl-acme");
    assertThat(read.getIsolation()).isEqualTo(IsolationLevel.DATABASE);
    assertThat(read.getRegionName()).isEqualTo("eu");
    assertThat(read.getLlmTokensPerDay()).isEqualTo(1_000_000L);
    assertThat(read.getConcurrentRuns()).isEqualTo(50);
    assertThat(read.getSpec().getLlm().getProviders().get(0).getApiKeySecretRef().getName())
        .isEqualTo("llm-key");
    assertThat(read.getRegion().getPostgres()).isNull();
    assertThat(yaml).doesNotContain("secretRef:");
  }

  @Test
  void credentialsCopyHasTheOriginalsData() {
    Tenant logical = tenant("small", IsolationLevel.LOGICAL, SlaTier.STANDARD);
    AgentWorkload workload =
        workload(agent("gl-shared", "calc", s -> s.setTenant("small")), logical);
    var original =
        new SecretBuilder()
            .withNewMetadata()
            .withName("tenant-small-credentials")
            .endMetadata()
            .addToData("postgres-password", "c2VjcmV0")
            .build();

    var copy = AgentCredentialsSecretDependent.desired(workload, original);

    assertThat(copy.getMetadata().getName()).isEqualTo("calc-credentials");
    assertThat(copy.getMetadata().getNamespace()).isEqualTo("gl-shared");
    assertThat(copy.getData()).containsExactlyEntriesOf(Map.of("postgres-password", "c2VjcmV0"));
    assertThat(copy.getMetadata().getLabels()).containsEntry("greenlang.io/tenant", "small");
  }

  @Test
  void serviceAndServiceAccount() {
    AgentWorkload workload = workload(agent("gl-acme", "calc", s -> {}), ACME);

    var service = AgentServiceDependent.desired(workload);
    assertThat(service.getSpec().getSelector()).isEqualTo(workload.selector());
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(8080);
    assertThat(service.getSpec().getPorts().get(0).getTargetPort())
        .isEqualTo(new IntOrString("http"));
    assertThat(AgentServiceAccountDependent.desired(workload).getAutomountServiceAccountToken())
        .isFalse();
  }

  @Test
  void autoscalerOnlyWithAutoscalingAndNeverBelowTheSlaFloor() {
    assertThat(
            AgentHorizontalPodAutoscalerDependent.desired(
                workload(agent("gl-acme", "calc", s -> {}), ACME)))
        .isEmpty();
    AgentAutoscaling scaling = new AgentAutoscaling();
    scaling.setMinReplicas(1);
    scaling.setMaxReplicas(2);
    scaling.setTargetCpuUtilizationPercent(60);
    Tenant premium = tenant("acme", IsolationLevel.CLUSTER, SlaTier.PREMIUM);

    var hpa =
        AgentHorizontalPodAutoscalerDependent.desired(
                workload(agent("gl-acme", "calc", s -> s.setAutoscaling(scaling)), premium))
            .orElseThrow();

    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("calc");
    assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(3);
    assertThat(hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization())
        .isEqualTo(60);
  }

  @Test
  void disruptionBudgetFromEnhancedUp() {
    for (SlaTier tier : SlaTier.values()) {
      var pdb =
          AgentPodDisruptionBudgetDependent.desired(
              workload(
                  agent("gl-acme", "calc", s -> {}), tenant("acme", IsolationLevel.CLUSTER, tier)));
      assertThat(pdb.isPresent()).as(tier.name()).isEqualTo(tier != SlaTier.STANDARD);
      pdb.ifPresent(
          p -> {
            assertThat(p.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
            assertThat(p.getSpec().getSelector().getMatchLabels())
                .containsEntry("greenlang.io/agent", "calc");
          });
    }
  }

  @Test
  void slaTable() {
    assertThat(SlaAvailability.of(SlaTier.STANDARD))
        .isEqualTo(new SlaAvailability(1, false, null, false));
    assertThat(SlaAvailability.of(SlaTier.ENHANCED))
        .isEqualTo(new SlaAvailability(2, true, "kubernetes.io/hostname", false));
    assertThat(SlaAvailability.of(SlaTier.PREMIUM))
        .isEqualTo(new SlaAvailability(3, true, "topology.kubernetes.io/zone", true));
    assertThat(SlaAvailability.of(SlaTier.MISSION_CRITICAL))
        .isEqualTo(SlaAvailability.of(SlaTier.PREMIUM));
    assertThat(SlaAvailability.of(null)).isEqualTo(SlaAvailability.of(SlaTier.STANDARD));
  }

  @Test
  void networkPolicyAdmitsTheOperatorAndTheNamespaceAndReachesOnlyWhatTheTenantMay() {
    NetworkPolicy policy =
        AgentNetworkPolicyDependent.desired(workload(agent("gl-acme", "calc", s -> {}), ACME));

    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .containsEntry("greenlang.io/agent", "calc");
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    var ingress = policy.getSpec().getIngress().get(0);
    assertThat(ingress.getPorts().get(0).getPort()).isEqualTo(new IntOrString(8080));
    assertThat(ingress.getFrom().get(0).getNamespaceSelector().getMatchLabels())
        .containsEntry("kubernetes.io/metadata.name", "greenlang-system");
    assertThat(ingress.getFrom().get(1).getPodSelector().getMatchLabels()).isNullOrEmpty();
    assertThat(policy.getSpec().getEgress())
        .extracting(rule -> rule.getPorts().get(rule.getPorts().size() - 1).getPort())
        .containsExactly(
            new IntOrString(53),
            new IntOrString(5432),
            new IntOrString(6379),
            new IntOrString(443));
    assertThat(policy.getSpec().getEgress().get(1).getTo().get(0).getIpBlock().getCidr())
        .isEqualTo("10.20.0.0/16");
  }
}
