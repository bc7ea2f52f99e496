package io.greenlang.operator.pipelinerun;

import static io.greenlang.crds.runtime.StepResult.Outcome.DEAD_LETTERED;
import static io.greenlang.crds.runtime.StepResult.Outcome.FAILED;
import static io.greenlang.crds.runtime.StepResult.Outcome.SUCCEEDED;
import static io.greenlang.operator.pipeline.PipelineSpecs.compensation;
import static io.greenlang.operator.pipeline.PipelineSpecs.dependsOn;
import static io.greenlang.operator.pipeline.PipelineSpecs.retries;
import static io.greenlang.operator.pipeline.PipelineSpecs.spec;
import static io.greenlang.operator.pipeline.PipelineSpecs.step;
import static io.greenlang.operator.pipeline.PipelineSpecs.timeout;
import static io.greenlang.operator.pipeline.PipelineSpecs.when;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.greenlang.crds.pipeline.WorkflowPattern;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.runtime.RunProvenance;
import io.greenlang.operator.events.EventReason;
import io.greenlang.operator.pipeline.Reference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The orchestration of one run, pass by pass, with no server: what is published and when. */
class RunProgressTest {

  @Test
  void pipelineRunsStepsOneAfterTheOtherAndChainsTheProvenance() {
    RunHarness run =
        new RunHarness(
            spec(
                WorkflowPattern.PIPELINE,
                step("intake", "cbam"),
                step("report", "cbam", "lines", "${steps.intake.outputs.value}")));

    run.pass();
    assertThat(run.published).containsExactly("intake/1");
    assertThat(run.phase("report")).isEqualTo(RunPhase.Pending);

    run.result("intake", 1, SUCCEEDED);
    run.pass();
    assertThat(run.published).containsExactly("intake/1", "report/1");
    assertThat(run.step("intake").getOutputHash()).isEqualTo("out-intake/1");

    run.result("report", 1, SUCCEEDED);
    RunTrail trail = run.pass();
    assertThat(run.status.getPhase()).isEqualTo(RunPhase.Succeeded);
    assertThat(run.status.getProvenanceRootHash())
        .isEqualTo(RunProvenance.rootHash(List.of("prov-intake", "prov-report")));
    assertThat(trail.finished).isEqualTo(RunPhase.Succeeded);
    assertThat(trail.events).extracting(RunTrail.Event::reason).contains(EventReason.RunSucceeded);
    assertThat(run.step("report").getTokens()).isEqualTo(10L);
    assertThat(run.step("report").getCostUsd()).isEqualTo("0.01");
  }

  @Test
  void parallelPublishesEveryStepAtOnceAndSucceedsWhenAllDo() {
    RunHarness run =
        new RunHarness(
            spec(WorkflowPattern.PARALLEL, step("a", "x"), step("b", "x"), step("c", "x")));

    run.pass();
    assertThat(run.published).containsExactly("a/1", "b/1", "c/1");

    run.result("b", 1, SUCCEEDED);
    run.result("a", 1, SUCCEEDED);
    run.pass();
    assertThat(run.status.getPhase()).isEqualTo(RunPhase.Running);

    run.result("c", 1, SUCCEEDED);
    run.pass();
    assertThat(run.status.getPhase()).isEqualTo(RunPhase.Succeeded);
  }

  @Test
  void orchestrationSkipsAFalseWhenAndRunsDependentsThatDoNotReadTheSkippedStep() {
    RunHarness run =
        new RunHarness(
            spec(
                WorkflowPattern.ORCHESTRATION,
                step("score", "eudr"),
                when(
                    dependsOn(step("file", "eudr"), "score"),
                    "${steps.score.outputs.level} != 'critical'"),
                dependsOn(step("notify", "eudr"), "score", "file"),
                dependsOn(step("archive", "eudr", "ref", "${steps.file.outputs.value}"), "file")));
    run.pass();
    run.result("score", 1, SUCCEEDED);
    run.values.put(Reference.stepOutput("score", "level"), TextNode.valueOf("critical"));

    run.pass();

    assertThat(run.phase("file")).isEqualTo(RunPhase.Skipped);
    assertThat(run.step("file").getReason()).isEqualTo("WhenConditionFalse");
    assertThat(run.step("file").getMessage())
        .isEqualTo("when `${steps.score.outputs.level} != 'critical'` is false");
    assertThat(run.phase("archive")).isEqualTo(RunPhase.Skipped);
    assertThat(run.step("archive").getReason()).isEqualTo("UpstreamSkipped");
    assertThat(run.published).containsExactly("score/1", "notify/1");

    run.result("notify", 1, SUCCEEDED);
    run.pass();
    assertThat(run.status.getPhase()).isEqualTo(RunPhase.Succeeded);
  }

  @Test
  void aFailedAttemptIsRetriedAfterItsBackoffThenSucceeds() {
    RunHarness run = new RunHarness(spec(WorkflowPattern.SINGLE, retries(step("a", "x"), 2)));
    run.pass();
    run.result("a", 1, FAILED);

    RunTrail trail = run.pass();

    assertThat(run.phase("a")).isEqualTo(RunPhase.Running);
    assertThat(run.step("a").getNextAttemptTime()).isEqualTo("2026-03-01T10:00:01Z");
    assertThat(run.step("a").getMessage()).isEqualTo("attempt 1 failed: boom; attempt 2 in 1s");
    assertThat(trail.events)
        .extracting(RunTrail.Event::reason)
        .containsExactly(EventReason.StepRetrying);
    assertThat(trail.attemptOutcomes).containsExactly("FAILED");

    run.at(Duration.ofMillis(999)).pass();
    assertThat(run.published).containsExactly("a/1");
    run.at(Duration.ofSeconds(1)).pass();
    assertThat(run.published).containsExactly("a/1", "a/2");

    run.result("a", 2, FAILED);
    run.at(Duration.ofSeconds(2)).pass();
    assertThat(run.step("a").getNextAttemptTime()).isEqualTo("2026-03-01T10:00:04Z");

    run.at(Duration.ofSeconds(4)).pass();
    run.result("a", 3, SUCCEEDED);
    run.pass();
    assertThat(run.status.getPhase()).isEqualTo(RunPhase.Succeeded);
    assertThat(run.step("a").getAttempts()).isEqualTo(3);
    assertThat(run.step("a").getTokens()).isEqualTo(30L);
    assertThat(run.step("a").getCostUsd()).isEqualTo("0.03");
  }

  @Test
  void aResultPublishedTwiceIsAppliedOnce() {
    RunHarness run = new RunHarness(spec(WorkflowPattern.SINGLE, retries(step("a", "x"), 3)));
    run.pass();
    run.result("a", 1, FAILED);
    run.result("a", 1, FAILED);

    RunTrail trail = run.pass();

    assertThat(trail.attemptOutcomes).containsExactly("FAILED");
    assertThat(run.step("a").getTokens()).isEqualTo(10L);
    // The next pass reads the same two results again; neither counts any more.
    assertThat(run.pass().attemptOutcomes).isEmpty();
  }

  @Test
  void afterItsRetriesAFailureStopsTheRunAndCompensatesInReverseOrderOneAtATime() {
    RunHarness run =
        new RunHarness(
            spec(
                WorkflowPattern.PIPELINE,
                compensation(
                    step("remember", "mem"), "mem", "key", "${steps.remember.outputs.value}"),
                step("calculate", "calc"),
                compensation(step("file", "mem"), "mem"),
                retries(step("report", "calc"), 1)));
    for (String step : List.of("remember", "calculate", "file")) {
      run.pass();
      run.result(step, 1, SUCCEEDED);
    }
    run.pass();
    run.result("report", 1, FAILED);
    run.pass();
    run.at(Duration.ofSeconds(1)).pass();
    run.result("report", 2, DEAD_LETTERED);

    RunTrail trail = run.pass();

    assertThat(run.phase("report")).isEqualTo(RunPhase.Failed);
    assertThat(run.status.getStopReason()).isEqualTo("Failed");
    assertThat(run.status.getStopMessage()).isEqualTo("step report: attempt 2 dead-lettered: boom");
    assertThat(run.phase("file")).isEqualTo(RunPhase.Compensating);
    assertThat(run.published).endsWith("compensate-file/1");
    assertThat(trail.compensationsStarted).isEqualTo(1);

    run.pass();
    assertThat(run.published).doesNotContain("compensate-remember/1");

    run.result("file", 1, true, SUCCEEDED);
    run.pass();
    assertThat(run.phase("file")).isEqualTo(RunPhase.Compensated);
    assertThat(run.published).endsWith("compensate-remember/1");

    run.result("remember", 1, true, SUCCEEDED);
    trail = run.pass();
    assertThat(run.status.getPhase()).isEqualTo(RunPhase.Failed);
    assertThat(run.phase("remember")).isEqualTo(RunPhase.Compensated);
    assertThat(run.phase("calculate")).isEqualTo(RunPhase.Succeeded);
    assertThat(trail.events).extracting(RunTrail.Event::reason).contains(EventReason.RunFailed);
    assertThat(run.status.getProvenanceRootHash())
        .isEqualTo(RunProvenance.rootHash(List.of("prov-remember", "prov-calculate", "prov-file")));
  }

  @Test
  void compensationFollowsTheOrderOfCompletionNotThePipelineOrder() {
    RunHarness run =
        new RunHarness(
            spec(
                WorkflowPattern.PARALLEL,
                compensation(step("a", "x"), "x"),
                compensation(step("b", "x"), "x"),
                compensation(step("c", "x"), "x"),
                step("d", "x")));
    run.pass();
    run.at(Duration.ofSeconds(1)).result("c", 1, SUCCEEDED);
    run.at(Duration.ofSeconds(2)).result("a", 1, SUCCEEDED);
    run.at(Duration.ofSeconds(3)).result("b", 1, SUCCEEDED);
    run.result("d", 1, FAILED);
    run.pass();
    for (String step : List.of("b", "a", "c")) {
      assertThat(run.published).last().isEqualTo("compensate-" + step + "/1");
      run.result(step, 1, true, SUCCEEDED);
      run.pass();
    }
    assertThat(run.status.getPhase()).isEqualTo(RunPhase.Failed);
  }

  @Test
  void aFailedCompensationLeavesItsStepFailedAndTheSagaGoesOn() {
    RunHarness run =
        new RunHarness(
            spec(
                WorkflowPattern.PIPELINE,
                compensation(step("a", "x"), "x"),
                compensation(step("b", "x"), "x"),
                step("c", "x")));
    run.pass();
    run.result("a", 1, SUCCEEDED);
    run.pass();
    run.result("b", 1, SUCCEEDED);
    run.pass();
    run.result("c", 1, FAILED);
    run.pass();
    run.result("b", 1, true, FAILED);

    RunTrail trail = run.pass();

    assertThat(run.phase("b")).isEqualTo(RunPhase.Failed);
    assertThat(run.step("b").getMessage()).isEqualTo("compensation failed: attempt 1 failed: boom");
    assertThat(trail.events)
        .extracting(RunTrail.Event::reason)
        .contains(EventReason.CompensationFailed);
    assertThat(run.published).endsWith("compensate-a/1");
  }

  @Test
  void aFailingRunLetsAParallelStepInFlightFinishAndCompensatesItToo() {
    RunHarness run =
        new RunHarness(
            spec(WorkflowPattern.PARALLEL, step("a", "x"), compensation(step("b", "x"), "x")));
    run.pass();
    run.result("a", 1, FAILED);

    run.pass();
    assertThat(run.status.getStopReason()).isEqualTo("Failed");
    assertThat(run.phase("b")).isEqualTo(RunPhase.Running);
    assertThat(run.status.getPhase()).isEqualTo(RunPhase.Running);

    run.result("b", 1, SUCCEEDED);
    run.pass();
    assertThat(run.published).containsExactly("a/1", "b/1", "compensate-b/1");
  }

  @Test
  void cancellationIgnoresTheRunningStepsResultAndCompensatesWhatSucceeded() {
    RunHarness run =
        new RunHarness(
            spec(
                WorkflowPattern.PIPELINE,
                compensation(step("a", "x"), "x"),
                compensation(step("b", "x"), "x"),
                step("c", "x")));
    run.pass();
    run.result("a", 1, SUCCEEDED);
    run.pass();
    run.cancellation = "cancelled (spec.cancelled is true)";

    run.pass();
    run.result("b", 1, SUCCEEDED);
    run.pass();

    assertThat(run.phase("b")).isEqualTo(RunPhase.Cancelled);
    assertThat(run.phase("c")).isEqualTo(RunPhase.Skipped);
    assertThat(run.step("c").getReason()).isEqualTo("NotRun");
    assertThat(run.published).containsExactly("a/1", "b/1", "compensate-a/1");

    run.result("a", 1, true, SUCCEEDED);
    RunTrail trail = run.pass();
    assertThat(run.status.getPhase()).isEqualTo(RunPhase.Cancelled);
    assertThat(trail.events).extracting(RunTrail.Event::reason).contains(EventReason.RunCancelled);
  }

  @Test
  void anAttemptWithoutResultByItsDeadlineTimesOutAndIsRetriedThenTheStepTimesOut() {
    RunHarness run =
        new RunHarness(spec(WorkflowPattern.SINGLE, retries(timeout(step("a", "x"), 10), 1)));
    run.pass();
    assertThat(run.step("a").getDeadline()).isEqualTo("2026-03-01T10:00:10Z");

    RunTrail trail = run.at(Duration.ofSeconds(10)).pass();
    assertThat(trail.attemptOutcomes).containsExactly("TIMED_OUT");
    assertThat(run.step("a").getReason()).isEqualTo("AttemptTimedOut");

    run.at(Duration.ofSeconds(11)).pass();
    assertThat(run.published).containsExactly("a/1", "a/2");
    run.at(Duration.ofSeconds(21)).pass();

    assertThat(run.phase("a")).isEqualTo(RunPhase.TimedOut);
    assertThat(run.status.getPhase()).isEqualTo(RunPhase.Failed);
    // The late result of the first attempt changes nothing.
    run.result("a", 1, SUCCEEDED);
    assertThat(run.pass().attemptOutcomes).isEmpty();
  }

  @Test
  void theRunTimeoutAbandonsWhatRunsAndEndsTimedOutAfterCompensation() {
    RunHarness run =
        new RunHarness(
            spec(
                WorkflowPattern.PIPELINE,
                compensation(step("a", "x"), "x"),
                step("b", "x"),
                step("c", "x")));
    run.runDeadline = RunHarness.START.plus(Duration.ofMinutes(1));
    run.pass();
    run.result("a", 1, SUCCEEDED);
    run.pass();

    run.at(Duration.ofMinutes(1)).pass();

    assertThat(run.phase("b")).isEqualTo(RunPhase.TimedOut);
    assertThat(run.phase("c")).isEqualTo(RunPhase.Skipped);
    assertThat(run.status.getStopReason()).isEqualTo("TimedOut");
    assertThat(run.published).endsWith("compensate-a/1");
    run.result("a", 1, true, SUCCEEDED);
    run.pass();
    assertThat(run.status.getPhase()).isEqualTo(RunPhase.TimedOut);
  }

  @Test
  void anInputThatCannotBeResolvedFailsTheStepWithoutPublishing() {
    RunHarness run = new RunHarness(spec(WorkflowPattern.SINGLE, step("a", "x")));
    run.refusals.put(
        "a", new StepLauncher.Refused("InputResolutionFailed", "spec.steps[0].inputs.x: no"));

    run.pass();

    assertThat(run.phase("a")).isEqualTo(RunPhase.Failed);
    assertThat(run.step("a").getReason()).isEqualTo("InputResolutionFailed");
    assertThat(run.status.getPhase()).isEqualTo(RunPhase.Failed);
    assertThat(run.published).isEmpty();
  }

  @Test
  void aRestartedProcessPublishesAgainOnlyTheAttemptsStillAwaitingAResult() {
    RunHarness run = new RunHarness(spec(WorkflowPattern.PARALLEL, step("a", "x"), step("b", "x")));
    run.pass();
    run.result("a", 1, SUCCEEDED);

    run.restart();
    run.pass();

    assertThat(run.phase("a")).isEqualTo(RunPhase.Succeeded);
    assertThat(run.resumed).containsExactly("b/1");
    run.pass();
    assertThat(run.resumed).containsExactly("b/1");
  }
}
