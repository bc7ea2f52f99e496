package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.pipelinerun.StepStatus;
import io.greenlang.crds.runtime.RunProvenance;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.operator.events.EventReason;
import io.greenlang.operator.pipeline.Reference;
import io.greenlang.operator.pipeline.ReferenceText;
import io.greenlang.operator.pipeline.WhenCondition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves a started run forward by one pass, from nothing but its status, its results and the time:
 * cancels, applies results to the attempts awaiting them, times out attempts, starts the steps the
 * pattern allows (evaluating {@code when}), retries, stops the run on a failure or its timeout, and
 * runs the saga before it ends. Every decision is recorded in the status, so the next pass — in
 * this process or after a restart — continues from there.
 */
final class RunProgress {
  static final String WHEN_FALSE = "WhenConditionFalse";
  static final String WHEN_FAILED = "WhenEvaluationFailed";
  static final String UPSTREAM_SKIPPED = "UpstreamSkipped";
  static final String NOT_RUN = "NotRun";
  static final String ABANDONED = "Abandoned";

  private final RunPass pass;
  private final AttemptOutcomes outcomes;
  private final RunCompensation saga;

  RunProgress(RunPass pass) {
    this.pass = pass;
    this.outcomes = new AttemptOutcomes(pass);
    this.saga = new RunCompensation(pass);
  }

  /**
   * One pass. {@code cancellation} is null unless the run was cancelled (then it says why); {@code
   * runDeadline} is when the whole run times out.
   */
  void advance(List<StepResult> results, String cancellation, Instant runDeadline) {
    if (stopReason().isEmpty() && cancellation != null) {
      stop(StopReason.Cancelled, cancellation);
    }
    for (StepResult result : results) {
      outcomes.apply(result, stopReason().isPresent());
    }
    pass.steps.values().forEach(step -> outcomes.expire(step, stopReason().isPresent()));
    if (!pass.now.isBefore(runDeadline)) {
      timeOut(runDeadline);
    }
    if (stopReason().isEmpty()) {
      runSteps();
    }
    if (stopReason().isPresent() && nothingInFlight() && saga.advance()) {
      finish(stopReason().get());
    }
    resumeInFlight();
  }

  /** Starts what may start, repeating while a skip or a success lets further steps start. */
  private void runSteps() {
    boolean changed = true;
    while (changed && stopReason().isEmpty()) {
      changed = false;
      for (StepStatus step : pass.steps.values()) {
        Instant retryAt = RunTimes.parse(step.getNextAttemptTime());
        if (StepPhases.awaitingRetry(step) && !pass.now.isBefore(retryAt)) {
          launch(step, AttemptOutcomes.intValue(step.getAttempts()) + 1);
        }
      }
      for (PipelineStep ready : RunGraph.ready(pass.graph, pass.steps)) {
        start(ready);
        changed = true;
      }
      failedStep()
          .ifPresent(
              failed ->
                  stop(StopReason.Failed, "step " + failed.getName() + ": " + failed.getMessage()));
    }
    if (stopReason().isEmpty() && RunGraph.complete(pass.steps)) {
      finish(null);
    }
  }

  /** A ready step is skipped (reading a skipped step, or its when is false) or published. */
  private void start(PipelineStep spec) {
    StepStatus step = pass.steps.get(spec.getName());
    Optional<String> skippedRead = readsSkippedStep(spec);
    if (skippedRead.isPresent()) {
      skip(step, UPSTREAM_SKIPPED, "not run: it reads " + skippedRead.get() + " of a skipped step");
      return;
    }
    if (spec.getWhen() != null) {
      try {
        if (!WhenCondition.compile(spec.getWhen()).evaluate(pass.values)) {
          skip(step, WHEN_FALSE, "when `" + spec.getWhen() + "` is false");
          return;
        }
      } catch (IllegalArgumentException | UnresolvedReferenceException e) {
        step.setReason(WHEN_FAILED);
        step.setMessage(
            "spec.steps[" + pass.graph.indexOf(spec.getName()) + "].when: " + e.getMessage());
        pass.finishStep(step, RunPhase.Failed, pass.now);
        pass.trail.event(
            EventReason.StepFailed, "step " + step.getName() + ": " + step.getMessage());
        return;
      }
    }
    launch(step, 1);
  }

  private void launch(StepStatus step, int attempt) {
    StepLauncher.Launch launch =
        pass.launcher.launch(pass.attempt(step.getName(), attempt, false), pass.now);
    if (launch instanceof StepLauncher.Published published) {
      step.setPhase(RunPhase.Running);
      step.setAttempts(attempt);
      step.setDispatchTime(RunTimes.format(published.at()));
      step.setDeadline(RunTimes.format(published.deadline()));
      step.setNextAttemptTime(null);
      if (step.getStartTime() == null) {
        step.setStartTime(RunTimes.format(published.at()));
      }
    } else if (launch instanceof StepLauncher.Refused refused) {
      step.setReason(refused.reason());
      step.setMessage(refused.message());
      pass.finishStep(step, RunPhase.Failed, pass.now);
      pass.trail.event(
          EventReason.StepFailed,
          "step " + step.getName() + " not run (" + refused.reason() + "): " + refused.message());
    }
  }

  private void skip(StepStatus step, String reason, String message) {
    step.setReason(reason);
    step.setMessage(message);
    pass.finishStep(step, RunPhase.Skipped, pass.now);
    pass.trail.event(EventReason.StepSkipped, "step " + step.getName() + " skipped: " + message);
  }

  /** The step output a step reads (inputs or when) that belongs to a skipped step, if any. */
  private Optional<String> readsSkippedStep(PipelineStep spec) {
    List<String> texts =
        new ArrayList<>(spec.getInputs() == null ? List.of() : spec.getInputs().values());
    if (spec.getWhen() != null) {
      texts.add(spec.getWhen());
    }
    for (String text : texts) {
      for (Reference reference : ReferenceText.parse(text == null ? "" : text).references()) {
        StepStatus read = pass.steps.get(reference.name());
        if (reference.kind() == Reference.Kind.STEP_OUTPUT
            && read != null
            && read.getPhase() == RunPhase.Skipped) {
          return Optional.of(reference.text());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Stops the run: no step starts any more. A cancelled or timed-out run abandons the attempts in
   * flight; a failed one lets them finish, so a step that still succeeds is compensated too.
   */
  private void stop(StopReason reason, String message) {
    pass.status.setStopReason(reason.name());
    pass.status.setStopMessage(message);
    for (StepStatus step : pass.steps.values()) {
      if (step.getPhase() == RunPhase.Pending) {
        step.setReason(NOT_RUN);
        step.setMessage("not run: " + reason.sentence);
        pass.finishStep(step, RunPhase.Skipped, pass.now);
      } else if (StepPhases.awaitingRetry(step)
          || (reason != StopReason.Failed && StepPhases.attemptInFlight(step))) {
        step.setReason(ABANDONED);
        step.setMessage("abandoned: " + reason.sentence + "; a late result is ignored");
        pass.finishStep(
            step, reason == StopReason.TimedOut ? RunPhase.TimedOut : RunPhase.Cancelled, pass.now);
      }
    }
  }

  /** The run timeout: stop (unless stopping already) and abandon attempts still in flight. */
  private void timeOut(Instant runDeadline) {
    String message = "the run did not finish by its deadline " + RunTimes.format(runDeadline);
    if (stopReason().isEmpty()) {
      stop(StopReason.TimedOut, message);
      return;
    }
    for (StepStatus step : pass.steps.values()) {
      if (StepPhases.attemptInFlight(step)) {
        step.setReason(ABANDONED);
        step.setMessage("abandoned: " + message);
        pass.finishStep(step, RunPhase.TimedOut, pass.now);
      }
    }
  }

  private void finish(StopReason reason) {
    RunPhase phase = reason == null ? RunPhase.Succeeded : reason.phase;
    pass.status.setPhase(phase);
    pass.status.setCompletionTime(pass.nowText());
    pass.status.setProvenanceRootHash(RunProvenance.rootHash(provenanceHashes()));
    pass.trail.finished = phase;
    pass.trail.event(
        reason == null ? EventReason.RunSucceeded : reason.event,
        reason == null
            ? "all " + pass.steps.size() + " steps succeeded or were skipped"
            : pass.status.getStopMessage());
  }

  /** Provenance hashes of the steps that succeeded (compensated ones included), pipeline order. */
  private List<String> provenanceHashes() {
    List<String> hashes = new ArrayList<>();
    for (PipelineStep spec : pass.graph.steps()) {
      StepStatus step = pass.steps.get(spec.getName());
      if (step != null && step.getProvenanceHash() != null) {
        hashes.add(step.getProvenanceHash());
      }
    }
    return hashes;
  }

  /** Attempts in flight that this process may not have published: publish them again. */
  private void resumeInFlight() {
    for (StepStatus step : pass.steps.values()) {
      boolean compensation = StepPhases.compensationInFlight(step);
      if (compensation || StepPhases.attemptInFlight(step)) {
        int attempt =
            AttemptOutcomes.intValue(
                compensation ? step.getCompensationAttempts() : step.getAttempts());
        pass.launcher.resume(
            pass.attempt(step.getName(), attempt, compensation),
            RunTimes.parse(step.getDispatchTime()),
            RunTimes.parse(step.getDeadline()));
      }
    }
  }

  private boolean nothingInFlight() {
    return pass.steps.values().stream().noneMatch(StepPhases::attemptInFlight);
  }

  private Optional<StepStatus> failedStep() {
    return pass.steps.values().stream()
        .filter(s -> s.getPhase() == RunPhase.Failed || s.getPhase() == RunPhase.TimedOut)
        .findFirst();
  }

  private Optional<StopReason> stopReason() {
    String reason = pass.status.getStopReason();
    return reason == null ? Optional.empty() : Optional.of(StopReason.valueOf(reason));
  }

  RunTrail trail() {
    return pass.trail;
  }
}
