package io.greenlang.operator.pipelinerun;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.pipelinerun.StepStatus;
import io.greenlang.operator.pipeline.Reference;
import io.greenlang.operator.pipeline.StepGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * One pass of the orchestration over a run: its status (changed in place), the run's copy of the
 * Pipeline as a graph, the time of the pass, and the ports it publishes through and reads values
 * from.
 */
final class RunPass {
  final PipelineRunStatus status;
  final Map<String, StepStatus> steps;
  final StepGraph graph;
  final Instant now;
  final RetryBackoff backoff;
  final StepLauncher launcher;
  final Function<Reference, JsonNode> values;
  final RunTrail trail = new RunTrail();

  RunPass(
      PipelineRunStatus status,
      StepGraph graph,
      Instant now,
      RetryBackoff backoff,
      StepLauncher launcher,
      Function<Reference, JsonNode> values) {
    this.status = status;
    this.steps = StepPhases.byName(status);
    this.graph = graph;
    this.now = now;
    this.backoff = backoff;
    this.launcher = launcher;
    this.values = values;
  }

  String nowText() {
    return RunTimes.format(now);
  }

  PipelineStep spec(String step) {
    return graph.step(step).orElseThrow();
  }

  /** The attempts a step may make: one plus its retries. */
  int maxAttempts(String step) {
    Integer retries = spec(step).getRetries();
    return 1 + (retries == null ? 0 : retries);
  }

  StepAttempt attempt(String step, int attempt, boolean compensation) {
    return new StepAttempt(spec(step), graph.indexOf(step), attempt, compensation);
  }

  /** Marks the step finished in {@code phase} and records how long it took. */
  void finishStep(StepStatus step, RunPhase phase, Instant at) {
    step.setPhase(phase);
    step.setCompletionTime(RunTimes.format(at));
    clearAttempt(step);
    Instant started = RunTimes.parse(step.getStartTime());
    trail.finishedSteps.add(
        new RunTrail.FinishedStep(
            phase, started == null ? Duration.ZERO : Duration.between(started, at).abs()));
  }

  static void clearAttempt(StepStatus step) {
    step.setDispatchTime(null);
    step.setDeadline(null);
    step.setNextAttemptTime(null);
  }
}
