package io.greenlang.operator.agent.workload;

import static io.greenlang.operator.agent.workload.WorkloadFixtures.agent;
import static io.greenlang.operator.agent.workload.WorkloadFixtures.tenant;
import static io.greenlang.operator.agent.workload.WorkloadFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.greenlang.crds.agent.AgentAutoscaling;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.PhysicalIsolation;
import io.greenlang.crds.tenant.SlaTier;
import io.greenlang.crds.tenant.Tenant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Deployment an Agent gets: restricted pod, contract env and mounts, replicas by spec, SLA
 * floor, autoscaling and pause, spread and priority by SLA tier, physical placement.
 */
class AgentDeploymentDependentTest {
  private static final Tenant STANDARD = tenant("acme", IsolationLevel.DATABASE, SlaTier.STANDARD);

  private static Deployment deployment(AgentWorkload workload) {
    return AgentDeploymentDependent.desired(workload, "hash-1", null);
  }

  private static PodSpec pod(AgentWorkload workload) {
    return deployment(workload).getSpec().getTemplate().getSpec();
  }

  @Test
  void podIsPodSecurityRestricted() {
    PodSpec pod = pod(workload(agent("gl-acme", "calc", s -> {}), STANDARD));

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getServiceAccountName()).isEqualTo("calc");
    assertThat(pod.getContainers()).hasSize(1);
    Container container = pod.getContainers().get(0);
    assertThat(container.getName()).isEqualTo("agent-runtime");
    var security = container.getSecurityContext();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(container.getVolumeMounts())
        .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    assertThat(pod.getVolumes())
        .anySatisfy(v -> assertThat(v.getEmptyDir()).isNotNull())
        .allSatisfy(v -> assertThat(v.getHostPath()).isNull());
  }

  @Test
  void containerFollowsTheContract() {
    Deployment deployment = deployment(workload(agent("gl-acme", "calc", s -> {}), STANDARD));
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("app.kubernetes.io/instance", "calc", "greenlang.io/agent", "calc"));
    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("greenlang.io/config-hash", "hash-1");
    assertThat(container.getImage()).isEqualTo("ghcr.io/greenlang/greenlang-agent-runtime:0.1.0");
    assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(8080);
    assertThat(container.getPorts().get(0).getName()).isEqualTo("http");
    assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
    Map<String, EnvVar> env =
        container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    assertThat(env.get("GL_POSTGRES_URL").getValue())
        .isEqualTo(
            "jdbc:postgresql://$(GL_POSTGRES_HOST):$(GL_POSTGRES_PORT)/$(GL_POSTGRES_DATABASE)");
    assertThat(env.get("GL_POSTGRES_PASSWORD").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("greenlang-credentials");
    assertThat(env.get("GL_REDIS_PASSWORD").getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("redis-password");
    assertThat(env.get("GL_REDIS_URL").getValue())
        .isEqualTo("redis://$(GL_REDIS_HOST):$(GL_REDIS_PORT)");
    assertThat(env.get("QUARKUS_FLYWAY_MIGRATE_AT_START").getValue()).isEqualTo("false");
    assertThat(env.get("GL_AGENT_CONFIG").getValue()).isEqualTo("/etc/greenlang/agent/agent.yaml");
    assertThat(env.get("HOSTNAME").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.name");
    assertThat(env.values())
        .allSatisfy(
            e ->
                assertThat(e.getValue() != null || e.getValueFrom() != null)
                    .as(e.getName())
                    .isTrue());
    assertThat(container.getVolumeMounts())
        .anySatisfy(
            m -> {
              assertThat(m.getMountPath()).isEqualTo("/var/run/greenlang/secrets/llm-key");
              assertThat(m.getReadOnly()).isTrue();
            })
        .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/etc/greenlang/agent"));
    assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("250m"));
  }

  @Test
  void logicalTenantsPodsReadTheAgentsCopyOfTheCredentials() {
    Tenant logical = tenant("small", IsolationLevel.LOGICAL, SlaTier.STANDARD);
    Container container =
        pod(workload(agent("gl-shared", "calc", s -> s.setTenant("small")), logical))
            .getContainers()
            .get(0);

    assertThat(container.getEnv())
        .filteredOn(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
        .allSatisfy(
            e ->
                assertThat(e.getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo("calc-credentials"));
  }

  @Test
  void agentResourcesReplaceTheDefaults() {
    var resources =
        new ResourceRequirementsBuilder().addToLimits("memory", new Quantity("4Gi")).build();
    Container container =
        pod(workload(agent("gl-acme", "big", s -> s.setResources(resources)), STANDARD))
            .getContainers()
            .get(0);

    assertThat(container.getResources()).isEqualTo(resources);
  }

  @Test
  void replicasFollowSpecSlaFloorAutoscalingAndPause() {
    Tenant enhanced = tenant("acme", IsolationLevel.DATABASE, SlaTier.ENHANCED);
    Tenant premium = tenant("acme", IsolationLevel.DATABASE, SlaTier.PREMIUM);
    AgentAutoscaling scaling = new AgentAutoscaling();
    scaling.setMinReplicas(2);
    scaling.setMaxReplicas(6);

    assertThat(replicas(agentWith(4), STANDARD, null)).isEqualTo(4);
    assertThat(replicas(agentWith(1), enhanced, null)).isEqualTo(2);
    assertThat(replicas(agentWith(1), premium, null)).isEqualTo(3);
    var autoscaled = agent("gl-acme", "a", s -> s.setAutoscaling(scaling));
    assertThat(replicas(autoscaled, STANDARD, null)).isEqualTo(2);
    assertThat(replicas(autoscaled, STANDARD, 5)).as("the autoscaler's count is kept").isEqualTo(5);
    assertThat(replicas(autoscaled, STANDARD, 9)).isEqualTo(6);
    assertThat(replicas(autoscaled, premium, null)).isEqualTo(3);
    var paused = agent("gl-acme", "a", s -> s.setPaused(true));
    assertThat(replicas(paused, premium, 3)).isZero();
  }

  private static io.greenlang.crds.agent.Agent agentWith(int replicas) {
    return agent("gl-acme", "a", s -> s.setReplicas(replicas));
  }

  private static int replicas(io.greenlang.crds.agent.Agent agent, Tenant tenant, Integer current) {
    return AgentDeploymentDependent.desired(workload(agent, tenant), "h", current)
        .getSpec()
        .getReplicas();
  }

  @Test
  void slaTierDecidesSpreadAndPriority() {
    PodSpec standard = pod(workload(agent("gl-acme", "a", s -> {}), STANDARD));
    assertThat(standard.getTopologySpreadConstraints()).isNullOrEmpty();
    assertThat(standard.getPriorityClassName()).isNull();

    PodSpec enhanced =
        pod(
            workload(
                agent("gl-acme", "a", s -> {}),
                tenant("acme", IsolationLevel.DATABASE, SlaTier.ENHANCED)));
    assertThat(enhanced.getTopologySpreadConstraints())
        .extracting(TopologySpreadConstraint::getTopologyKey)
        .containsExactly("kubernetes.io/hostname");
    assertThat(enhanced.getPriorityClassName()).isNull();

    for (SlaTier tier : new SlaTier[] {SlaTier.PREMIUM, SlaTier.MISSION_CRITICAL}) {
      PodSpec premium =
          pod(
              workload(
                  agent("gl-acme", "a", s -> {}), tenant("acme", IsolationLevel.CLUSTER, tier)));
      assertThat(premium.getTopologySpreadConstraints())
          .extracting(TopologySpreadConstraint::getTopologyKey)
          .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
      assertThat(premium.getTopologySpreadConstraints().get(0).getWhenUnsatisfiable())
          .isEqualTo("DoNotSchedule");
      assertThat(premium.getTopologySpreadConstraints().get(0).getLabelSelector().getMatchLabels())
          .containsEntry("greenlang.io/agent", "a");
      assertThat(premium.getPriorityClassName()).isEqualTo("greenlang-agent-premium");
    }
  }

  @Test
  void physicalTenantsPodsRunOnTheirOwnNodesWithTheirRuntimeClass() {
    Tenant physical = tenant("vault", IsolationLevel.PHYSICAL, SlaTier.STANDARD);
    PhysicalIsolation isolation = new PhysicalIsolation();
    isolation.setRuntimeClassName("gvisor");
    physical.getSpec().setPhysical(isolation);

    PodSpec pod = pod(workload(agent("gl-vault", "a", s -> {}), physical));

    var term =
        pod.getAffinity()
            .getNodeAffinity()
            .getRequiredDuringSchedulingIgnoredDuringExecution()
            .getNodeSelectorTerms()
            .get(0)
            .getMatchExpressions()
            .get(0);
    assertThat(term.getKey()).isEqualTo("greenlang.io/tenant");
    assertThat(term.getValues()).containsExactly("vault");
    assertThat(pod.getTolerations())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getKey()).isEqualTo("greenlang.io/tenant");
              assertThat(t.getValue()).isEqualTo("vault");
              assertThat(t.getEffect()).isEqualTo("NoSchedule");
            });
    assertThat(pod.getRuntimeClassName()).isEqualTo("gvisor");
    assertThat(pod(workload(agent("gl-acme", "a", s -> {}), STANDARD)).getAffinity()).isNull();
  }
}
