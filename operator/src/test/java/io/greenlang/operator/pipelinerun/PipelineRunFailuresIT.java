package io.greenlang.operator.pipelinerun;

import static io.greenlang.operator.pipeline.PipelineSpecs.compensation;
import static io.greenlang.operator.pipeline.PipelineSpecs.retries;
import static io.greenlang.operator.pipeline.PipelineSpecs.spec;
import static io.greenlang.operator.pipeline.PipelineSpecs.step;
import static io.greenlang.operator.pipeline.PipelineSpecs.timeout;
import static io.greenlang.operator.pipeline.PipelineSpecs.tool;
import static io.greenlang.operator.pipelinerun.PipelineRunPatternsIT.stepOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.pipeline.WorkflowPattern;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.testsupport.bus.StepTaskResponder;
import io.greenlang.testsupport.bus.StepTaskResponder.Reply;
import io.greenlang.testsupport.kubernetes.MockKubernetesApiResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs that do not succeed: a step failing after its retries and the saga compensating in reverse
 * order, a cancellation, an attempt timeout and a run timeout.
 */
@QuarkusTest
@QuarkusTestResource(MockKubernetesApiResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineRunFailuresIT {
  private PipelineRunFixtures fixtures;
  private String tenant;
  private String namespace;

  /** One Region and Tenant for the class: each test names its own Pipelines and runs. */
  @BeforeAll
  void setUp() {
    fixtures = new PipelineRunFixtures(MockKubernetesApiResource.api().client());
    tenant = fixtures.readyTenant("saga", spec -> {});
    namespace = "gl-" + tenant;
    fixtures.agent(namespace, "memory", "memory.remember", "memory.forget");
    fixtures.agent(namespace, "calc", "cbam.embedded_emissions");
  }

  @AfterEach
  void stopResponders() {
    fixtures.closeResponders();
  }

  @AfterAll
  void tearDown() throws Exception {
    fixtures.close();
  }

  private static List<String> compensations(StepTaskResponder responder) {
    return responder.deliveries().stream()
        .filter(StepTask::compensation)
        .map(StepTask::step)
        .toList();
  }

  @Test
  void aStepFailingAfterItsRetriesIsCompensatedInReverseOrderOfCompletion() {
    fixtures.pipeline(
        namespace,
        "remember-then-fail",
        spec(
            WorkflowPattern.PIPELINE,
            forget(step("remember-a", "memory", "key", "a")),
            forget(step("remember-b", "memory", "key", "b")),
            retries(step("calculate", "calc"), 1)));
    StepTaskResponder memory =
        fixtures.responder(
            tenant,
            "memory",
            task ->
                Reply.succeed(
                    Map.of(
                        "entry",
                        task.compensation() ? "forgotten" : "entry-" + task.inputs().get("key"))));
    StepTaskResponder calc =
        fixtures.responder(
            tenant, "calc", task -> Reply.fail("InvalidInput", "no emissions for CN 9999"));

    PipelineRun done =
        fixtures.awaitRun(
            fixtures.run(namespace, "saga-1", "remember-then-fail", Map.of()),
            PipelineRunPatternsIT::finished);

    PipelineRunStatus status = done.getStatus();
    assertThat(status.getPhase()).as(PipelineRunFixtures.describe(done)).isEqualTo(RunPhase.Failed);
    Condition condition = status.condition(PipelineRunStatus.SUCCEEDED).orElseThrow();
    assertThat(condition.getStatus()).isEqualTo(ConditionStatus.False);
    assertThat(condition.getReason()).isEqualTo("Failed");
    assertThat(condition.getMessage())
        .isEqualTo(
            "step calculate: attempt 2 failed: no emissions for CN 9999; compensated 2 of 2 steps");
    assertThat(stepOf(done, "calculate").getPhase()).isEqualTo(RunPhase.Failed);
    assertThat(stepOf(done, "calculate").getReason()).isEqualTo("InvalidInput");
    assertThat(stepOf(done, "calculate").getAttempts()).isEqualTo(2);
    assertThat(calc.deliveries()).hasSize(2);
    assertThat(compensations(memory)).containsExactly("remember-b", "remember-a");
    assertThat(stepOf(done, "remember-a").getPhase()).isEqualTo(RunPhase.Compensated);
    assertThat(stepOf(done, "remember-b").getPhase()).isEqualTo(RunPhase.Compensated);
    StepTask forgetB =
        memory.deliveries().stream().filter(StepTask::compensation).findFirst().orElseThrow();
    assertThat(forgetB.tool()).isEqualTo("memory.forget");
    assertThat(forgetB.inputs()).containsEntry("entry", "entry-b");
    assertThat(forgetB.taskId())
        .isEqualTo(done.getMetadata().getUid() + "/compensate-remember-b/1");
    assertThat(fixtures.events(done))
        .extracting(Event::getReason)
        .contains("StepRetrying", "StepFailed", "Compensating", "StepCompensated", "RunFailed");
  }

  @Test
  void cancellingIgnoresTheRunningStepAndCompensatesWhatSucceeded() {
    fixtures.pipeline(
        namespace,
        "remember-then-wait",
        spec(
            WorkflowPattern.PIPELINE,
            forget(step("remember", "memory", "key", "a")),
            step("calculate", "calc"),
            step("never", "calc")));
    StepTaskResponder memory =
        fixtures.responder(tenant, "memory", task -> Reply.succeed(Map.of("entry", "e")));
    fixtures.responder(tenant, "calc", task -> Reply.never());
    PipelineRun run = fixtures.run(namespace, "cancel-me", "remember-then-wait", Map.of());
    fixtures.awaitRun(
        run,
        r ->
            r.getStatus() != null
                && !r.getStatus().getSteps().isEmpty()
                && stepOf(r, "calculate").getPhase() == RunPhase.Running);

    fixtures
        .client
        .resources(PipelineRun.class)
        .inNamespace(namespace)
        .withName("cancel-me")
        .edit(
            r -> {
              r.getSpec().setCancelled(true);
              return r;
            });
    PipelineRun done = fixtures.awaitRun(run, PipelineRunPatternsIT::finished);

    assertThat(done.getStatus().getPhase())
        .as(PipelineRunFixtures.describe(done))
        .isEqualTo(RunPhase.Cancelled);
    assertThat(done.getStatus().condition(PipelineRunStatus.SUCCEEDED).orElseThrow().getReason())
        .isEqualTo("Cancelled");
    assertThat(stepOf(done, "calculate").getPhase()).isEqualTo(RunPhase.Cancelled);
    assertThat(stepOf(done, "never").getPhase()).isEqualTo(RunPhase.Skipped);
    assertThat(stepOf(done, "remember").getPhase()).isEqualTo(RunPhase.Compensated);
    assertThat(compensations(memory)).containsExactly("remember");
    assertThat(fixtures.events(done)).extracting(Event::getReason).contains("RunCancelled");
  }

  @Test
  void anAttemptWithoutResultTimesOutIsRetriedAndThenFailsTheRun() {
    fixtures.pipeline(
        namespace,
        "slow",
        spec(WorkflowPattern.SINGLE, retries(timeout(step("calculate", "calc"), 1), 1)));
    StepTaskResponder calc = fixtures.responder(tenant, "calc", task -> Reply.never());

    PipelineRun done =
        fixtures.awaitRun(
            fixtures.run(namespace, "slow-1", "slow", Map.of()), PipelineRunPatternsIT::finished);

    assertThat(done.getStatus().getPhase())
        .as(PipelineRunFixtures.describe(done))
        .isEqualTo(RunPhase.Failed);
    assertThat(stepOf(done, "calculate").getPhase()).isEqualTo(RunPhase.TimedOut);
    assertThat(stepOf(done, "calculate").getReason()).isEqualTo("AttemptTimedOut");
    assertThat(stepOf(done, "calculate").getAttempts()).isEqualTo(2);
    assertThat(calc.deliveries()).extracting(StepTask::attempt).containsExactly(1, 2);
    assertThat(fixtures.events(done))
        .extracting(Event::getReason)
        .contains("StepRetrying", "StepTimedOut", "RunFailed");
  }

  @Test
  void theRunTimeoutStopsTheRunAfterCompensation() {
    fixtures.pipeline(
        namespace,
        "stuck",
        spec(
            WorkflowPattern.PIPELINE,
            forget(step("remember", "memory", "key", "a")),
            step("calculate", "calc")));
    StepTaskResponder memory =
        fixtures.responder(tenant, "memory", task -> Reply.succeed(Map.of("entry", "e")));
    fixtures.responder(tenant, "calc", task -> Reply.never());

    PipelineRun done =
        fixtures.awaitRun(
            fixtures.run(
                namespace, "stuck-1", "stuck", Map.of(), spec -> spec.setTimeoutSeconds(2)),
            PipelineRunPatternsIT::finished);

    assertThat(done.getStatus().getPhase())
        .as(PipelineRunFixtures.describe(done))
        .isEqualTo(RunPhase.TimedOut);
    Condition condition = done.getStatus().condition(PipelineRunStatus.SUCCEEDED).orElseThrow();
    assertThat(condition.getReason()).isEqualTo("TimedOut");
    assertThat(condition.getMessage()).startsWith("the run did not finish by its deadline ");
    assertThat(stepOf(done, "calculate").getPhase()).isEqualTo(RunPhase.TimedOut);
    assertThat(stepOf(done, "remember").getPhase()).isEqualTo(RunPhase.Compensated);
    assertThat(compensations(memory)).containsExactly("remember");
    assertThat(fixtures.events(done)).extracting(Event::getReason).contains("RunTimedOut");
  }

  /** The memory saga pair (C3): a step remembers an entry, its compensation forgets it. */
  private static io.greenlang.crds.pipeline.PipelineStep forget(
      io.greenlang.crds.pipeline.PipelineStep step) {
    tool(step, "memory.remember");
    compensation(step, "memory", "entry", "${steps." + step.getName() + ".outputs.entry}");
    step.getCompensation().setTool("memory.forget");
    return step;
  }
}
