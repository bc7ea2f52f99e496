package io.greenlang.operator.pipelinerun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.greenlang.crds.pipeline.PipelineSpec;
import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.pipelinerun.StepStatus;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.operator.pipeline.Reference;
import io.greenlang.operator.pipeline.StepGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Drives {@link RunProgress} without any server: a status, a clock moved by hand, results added by
 * the test, and a launcher that records what it publishes (keeping its own ledger, as the real one
 * does, until {@link #restart()}).
 */
final class RunHarness implements StepLauncher {
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  static final RetryBackoff BACKOFF =
      new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8));

  final PipelineSpec spec;
  final PipelineRunStatus status = new PipelineRunStatus();
  final List<StepResult> results = new ArrayList<>();
  final List<String> published = new ArrayList<>();
  final List<String> resumed = new ArrayList<>();
  final List<RunTrail> trails = new ArrayList<>();
  final Map<String, Refused> refusals = new HashMap<>();
  final Map<Reference, JsonNode> values = new HashMap<>();
  Instant now = START;
  Instant runDeadline = START.plus(Duration.ofHours(1));
  String cancellation;
  private Set<String> ledger = new HashSet<>();

  RunHarness(PipelineSpec spec) {
    this.spec = spec;
    status.setPhase(RunPhase.Running);
    status.setStartTime(RunTimes.format(START));
    status.setPipelineSpec(spec);
    for (PipelineStep step : spec.getSteps()) {
      StepStatus record = new StepStatus();
      record.setName(step.getName());
      record.setPhase(RunPhase.Pending);
      record.setAttempts(0);
      status.getSteps().add(record);
    }
  }

  /** One pass at the current time. */
  RunTrail pass() {
    Function<Reference, JsonNode> lookup =
        reference -> {
          JsonNode value = values.get(reference);
          if (value == null) {
            throw new UnresolvedReferenceException(reference.text() + " unknown");
          }
          return value;
        };
    RunPass pass = new RunPass(status, new StepGraph(spec), now, BACKOFF, this, lookup);
    new RunProgress(pass).advance(List.copyOf(results), cancellation, runDeadline);
    trails.add(pass.trail);
    return pass.trail;
  }

  RunHarness at(Duration sinceStart) {
    now = START.plus(sinceStart);
    return this;
  }

  /** Forgets what this process published, as a restarted operator does. */
  void restart() {
    ledger = new HashSet<>();
  }

  void result(String step, int attempt, StepResult.Outcome outcome) {
    result(step, attempt, false, outcome);
  }

  void result(String step, int attempt, boolean compensation, StepResult.Outcome outcome) {
    String key = key(step, attempt, compensation);
    results.add(
        new StepResult(
            "uid/" + key,
            step,
            attempt,
            compensation,
            outcome,
            Map.of("value", step + "-" + attempt),
            "out-" + key,
            outcome == StepResult.Outcome.SUCCEEDED ? "prov-" + step : null,
            10,
            "0.01",
            outcome == StepResult.Outcome.SUCCEEDED ? null : "ToolError",
            outcome == StepResult.Outcome.SUCCEEDED ? null : "boom",
            "worker-1",
            now.toEpochMilli(),
            now.toEpochMilli()));
    values.put(Reference.stepOutput(step, "value"), TextNode.valueOf(step + "-" + attempt));
  }

  StepStatus step(String name) {
    return status.getSteps().stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  RunPhase phase(String name) {
    return step(name).getPhase();
  }

  @Override
  public Launch launch(StepAttempt attempt, Instant at) {
    Refused refused = refusals.get(attempt.step().getName());
    if (refused != null && !attempt.compensation()) {
      return refused;
    }
    String key = key(attempt.step().getName(), attempt.attempt(), attempt.compensation());
    if (ledger.add(key)) {
      published.add(key);
    }
    Integer seconds = attempt.step().getTimeoutSeconds();
    return new Published(at, seconds == null ? null : at.plusSeconds(seconds));
  }

  @Override
  public void resume(StepAttempt attempt, Instant dispatched, Instant deadline) {
    String key = key(attempt.step().getName(), attempt.attempt(), attempt.compensation());
    if (ledger.add(key)) {
      resumed.add(key);
    }
  }

  static String key(String step, int attempt, boolean compensation) {
    return (compensation ? "compensate-" : "") + step + "/" + attempt;
  }
}
