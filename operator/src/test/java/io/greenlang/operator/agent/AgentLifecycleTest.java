package io.greenlang.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.greenlang.crds.agent.AgentPhase;
import io.greenlang.crds.common.ConditionStatus;
import org.junit.jupiter.api.Test;

/** Phase and Ready/Available conditions from the workload outcome and the Deployment's status. */
class AgentLifecycleTest {
  private static final String ENDPOINT = "http://a.gl-acme.svc:8080";

  private static Deployment deployment(int wanted, int ready) {
    return new DeploymentBuilder()
        .withNewSpec()
        .withReplicas(wanted)
        .endSpec()
        .withNewStatus()
        .withReplicas(wanted)
        .withReadyReplicas(ready)
        .withAvailableReplicas(ready)
        .endStatus()
        .build();
  }

  private static AgentLifecycle.State applied(Deployment d, boolean paused, AgentPhase before) {
    return AgentLifecycle.decide(
        new WorkloadOutcome.Applied(d, false, false), paused, before, ENDPOINT);
  }

  @Test
  void uninitializedWhileWaitingWithoutADeployment() {
    var state =
        AgentLifecycle.decide(
            new WorkloadOutcome.Waiting("CredentialsNotFound", "no secret", null),
            false,
            null,
            ENDPOINT);

    assertThat(state.phase()).isEqualTo(AgentPhase.UNINITIALIZED);
    assertThat(state.ready().getReason()).isEqualTo("CredentialsNotFound");
    assertThat(state.endpoint()).isNull();
    assertThat(state.replicas()).isNull();
    assertThat(state.available().getStatus()).isEqualTo(ConditionStatus.False);
  }

  @Test
  void initializingUntilTheWantedReplicasAreReadyThenReady() {
    var starting = applied(deployment(2, 1), false, AgentPhase.INITIALIZING);
    assertThat(starting.phase()).isEqualTo(AgentPhase.INITIALIZING);
    assertThat(starting.replicas()).isEqualTo("1/2");
    assertThat(starting.ready().getStatus()).isEqualTo(ConditionStatus.False);
    assertThat(starting.available().getStatus()).isEqualTo(ConditionStatus.True);

    var ready = applied(deployment(2, 2), false, AgentPhase.INITIALIZING);
    assertThat(ready.phase()).isEqualTo(AgentPhase.READY);
    assertThat(ready.readyReplicas()).isEqualTo(2);
    assertThat(ready.endpoint()).isEqualTo(ENDPOINT);
    assertThat(ready.ready().getStatus()).isEqualTo(ConditionStatus.True);
  }

  @Test
  void pausedThenResumingThenReady() {
    assertThat(applied(deployment(0, 0), true, AgentPhase.READY).phase())
        .isEqualTo(AgentPhase.PAUSED);
    assertThat(applied(deployment(1, 0), false, AgentPhase.PAUSED).phase())
        .isEqualTo(AgentPhase.RESUMING);
    assertThat(applied(deployment(1, 0), false, AgentPhase.RESUMING).phase())
        .isEqualTo(AgentPhase.RESUMING);
    assertThat(applied(deployment(1, 1), false, AgentPhase.RESUMING).phase())
        .isEqualTo(AgentPhase.READY);
  }

  @Test
  void errorOnBrokenRulesAndDeploymentFailuresAndBackOnRecovery() {
    var blocked =
        AgentLifecycle.decide(
            new WorkloadOutcome.Blocked("RulesNotMet", "quota", deployment(1, 1)),
            false,
            AgentPhase.READY,
            ENDPOINT);
    assertThat(blocked.phase()).isEqualTo(AgentPhase.ERROR);
    assertThat(blocked.ready().getReason()).isEqualTo("RulesNotMet");

    Deployment stuck = deployment(1, 0);
    stuck
        .getStatus()
        .getConditions()
        .add(
            new DeploymentConditionBuilder()
                .withType("Progressing")
                .withStatus("False")
                .withReason("ProgressDeadlineExceeded")
                .withMessage("ReplicaSet has timed out progressing")
                .build());
    var failed = applied(stuck, false, AgentPhase.INITIALIZING);
    assertThat(failed.phase()).isEqualTo(AgentPhase.ERROR);
    assertThat(failed.ready().getReason()).isEqualTo("DeploymentFailed");
    assertThat(failed.ready().getMessage()).contains("ProgressDeadlineExceeded");

    assertThat(applied(deployment(1, 0), false, AgentPhase.ERROR).phase())
        .isEqualTo(AgentPhase.INITIALIZING);
  }
}
