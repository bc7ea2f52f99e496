package io.greenlang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.agent.AgentTool;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.pipeline.Pipeline;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.pipelinerun.RunPhase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs that do not succeed, end to end: a failing step after two remembered ones (the saga forgets
 * them again, the later first), a cancelled run (the succeeded step is compensated, the step in
 * flight abandoned), a step attempt that times out, and a run whose own timeout passes. Steps that
 * must stay in flight run on Agent {@code idle}, which is paused and so has no pods.
 */
class RunFailuresE2E extends PlatformE2ESupport {

  @BeforeAll
  static void tenantWithAWorkingAndAnIdleAgent() throws Exception {
    createTenant("failures");
    applyAgent(singleEudrAgent());
    Agent idle = new Agent();
    idle.getMetadata().setName("idle");
    idle.setSpec(new AgentSpec());
    idle.getSpec().getTools().add(new AgentTool("report"));
    idle.getSpec().setPaused(true);
    applyAgent(idle);
    awaitPods("eudr-risk", 1);
  }

  /** The ORCHESTRATION sample's Agent with one pod instead of autoscaling from two. */
  static Agent singleEudrAgent() throws Exception {
    Agent agent = load("agents/agent-autoscaled.yaml", Agent.class);
    agent.getSpec().setAutoscaling(null);
    agent.getSpec().setReplicas(1);
    return agent;
  }

  @Test
  void aFailingStepHasTheRememberedStepsForgottenInReverseOrder() throws Exception {
    String name =
        pipeline(
            """
        pattern: PIPELINE
        steps:
          - name: first
            agent: eudr-risk
            tool: memory.remember
            inputs: {conversation: saga, content: first entry}
            compensation:
              agent: eudr-risk
              tool: memory.forget
              inputs: {id: "${steps.first.outputs.id}"}
          - name: second
            agent: eudr-risk
            tool: memory.remember
            inputs: {conversation: saga, content: second entry}
            compensation:
              agent: eudr-risk
              tool: memory.forget
              inputs: {id: "${steps.second.outputs.id}"}
          - name: broken
            agent: eudr-risk
            tool: eudr.risk_score
            inputs: {commodity: plutonium, scores: "{}"}
        """);
    createRun(run(name, name, null));

    PipelineRun done = awaitFinished(name);

    assertThat(done.getStatus().getPhase())
        .as(done.getStatus().toString())
        .isEqualTo(RunPhase.Failed);
    assertThat(step(done, "broken").getPhase()).isEqualTo(RunPhase.Failed);
    assertThat(step(done, "first").getPhase()).isEqualTo(RunPhase.Compensated);
    assertThat(step(done, "second").getPhase()).isEqualTo(RunPhase.Compensated);
    List<StoredResults.Row> compensations =
        storedResults(done).stream().filter(StoredResults.Row::compensation).toList();
    assertThat(compensations)
        .as("compensated one at a time, the later step first")
        .extracting(StoredResults.Row::step)
        .containsExactly("second", "first");
    assertThat(compensations)
        .allSatisfy(r -> assertThat(r.outputs().get("deleted").asBoolean()).isTrue());
  }

  @Test
  void aCancelledRunCompensatesItsSucceededStepAndAbandonsTheOneInFlight() throws Exception {
    String name =
        pipeline(
            """
        pattern: PIPELINE
        steps:
          - name: remember
            agent: eudr-risk
            tool: memory.remember
            inputs: {conversation: cancel, content: to be forgotten}
            compensation:
              agent: eudr-risk
              tool: memory.forget
              inputs: {id: "${steps.remember.outputs.id}"}
          - name: wait
            agent: idle
            tool: report
            inputs: {title: never answered}
        """);
    createRun(run(name, name, null));
    awaitRun(
        name,
        r ->
            r.getStatus().getSteps().stream()
                .anyMatch(s -> s.getName().equals("wait") && s.getPhase() == RunPhase.Running));

    client()
        .resources(PipelineRun.class)
        .inNamespace(namespace)
        .withName(name)
        .edit(
            r -> {
              r.getSpec().setCancelled(true);
              return r;
            });
    PipelineRun done = awaitFinished(name);

    assertThat(done.getStatus().getPhase())
        .as(done.getStatus().toString())
        .isEqualTo(RunPhase.Cancelled);
    assertThat(succeeded(done).getReason()).isEqualTo("Cancelled");
    assertThat(step(done, "remember").getPhase()).isEqualTo(RunPhase.Compensated);
    assertThat(step(done, "wait").getPhase()).isEqualTo(RunPhase.Cancelled);
    assertThat(storedResults(done).stream().filter(StoredResults.Row::compensation))
        .extracting(StoredResults.Row::step)
        .containsExactly("remember");
  }

  @Test
  void aStepAttemptWithoutAnAnswerTimesOut() throws Exception {
    String name =
        pipeline(
            """
        pattern: PIPELINE
        steps:
          - name: wait
            agent: idle
            tool: report
            timeoutSeconds: 2
            inputs: {title: never answered}
        """);
    createRun(run(name, name, null));

    PipelineRun done = awaitFinished(name);

    assertThat(done.getStatus().getPhase())
        .as(done.getStatus().toString())
        .isEqualTo(RunPhase.Failed);
    assertThat(step(done, "wait").getPhase()).isEqualTo(RunPhase.TimedOut);
    assertThat(step(done, "wait").getReason()).isEqualTo("AttemptTimedOut");
  }

  @Test
  void aRunPastItsTimeoutEndsTimedOut() throws Exception {
    String name =
        pipeline(
            """
        pattern: PIPELINE
        steps:
          - name: wait
            agent: idle
            tool: report
            inputs: {title: never answered}
        """);
    createRun(run(name, name, 3));

    PipelineRun done = awaitFinished(name);

    assertThat(done.getStatus().getPhase())
        .as(done.getStatus().toString())
        .isEqualTo(RunPhase.TimedOut);
    assertThat(succeeded(done).getReason()).isEqualTo("TimedOut");
    assertThat(step(done, "wait").getPhase()).isEqualTo(RunPhase.TimedOut);
  }

  /** Creates a Pipeline with the given spec (YAML) and a random name; returns the name. */
  private static String pipeline(String specYaml) {
    String name = "p-" + UUID.randomUUID().toString().substring(0, 8);
    String yaml =
        "apiVersion: greenlang.io/v1alpha1\nkind: Pipeline\nmetadata:\n  name: "
            + name
            + "\n  namespace: "
            + namespace
            + "\nspec:\n"
            + specYaml.indent(2);
    client().resource(Serialization.unmarshal(yaml, Pipeline.class)).create();
    return name;
  }

  private static PipelineRun run(String name, String pipeline, Integer timeoutSeconds) {
    String yaml =
        "apiVersion: greenlang.io/v1alpha1\nkind: PipelineRun\nmetadata:\n  name: "
            + name
            + "\nspec:\n  pipelineRef: {name: "
            + pipeline
            + "}\n"
            + (timeoutSeconds == null ? "" : "  timeoutSeconds: " + timeoutSeconds + "\n");
    return Serialization.unmarshal(yaml, PipelineRun.class);
  }

  private static Condition succeeded(PipelineRun run) {
    return run.getStatus().condition(PipelineRunStatus.SUCCEEDED).orElseThrow();
  }
}
