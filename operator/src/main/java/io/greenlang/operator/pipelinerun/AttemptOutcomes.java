package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.pipelinerun.StepStatus;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.operator.events.EventReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Applies what became of an attempt to its step: a result from the worker, or the deadline passing
 * without one. A result counts only for the attempt the status awaits — the step's current attempt,
 * still in flight — so a result published twice, or arriving after its attempt timed out or the run
 * was cancelled, changes nothing.
 */
final class AttemptOutcomes {
  static final String TIMED_OUT = "TIMED_OUT";
  static final String ATTEMPT_TIMED_OUT = "AttemptTimedOut";
  static final String COMPENSATION_TIMED_OUT = "CompensationTimedOut";

  private final RunPass pass;

  AttemptOutcomes(RunPass pass) {
    this.pass = pass;
  }

  /** Applies the result if its attempt is the one awaited; returns whether it was. */
  boolean apply(StepResult result, boolean stopping) {
    StepStatus step = pass.steps.get(result.step());
    if (step == null || result.outcome() == null) {
      return false;
    }
    boolean awaited =
        result.compensation()
            ? StepPhases.compensationInFlight(step)
                && intValue(step.getCompensationAttempts()) == result.attempt()
            : StepPhases.attemptInFlight(step) && intValue(step.getAttempts()) == result.attempt();
    if (!awaited) {
      return false;
    }
    pass.trail.attemptOutcomes.add(result.outcome().name());
    pass.trail.appliedTaskIds.add(result.taskId());
    addUsage(step, result);
    Instant completed =
        result.completedEpochMillis() > 0
            ? Instant.ofEpochMilli(result.completedEpochMillis())
            : pass.now;
    if (result.compensation()) {
      compensationResult(step, result);
    } else {
      stepResult(step, result, completed, stopping);
    }
    return true;
  }

  /** Times out the step's awaited attempt if its deadline has passed; returns whether it did. */
  boolean expire(StepStatus step, boolean stopping) {
    boolean compensation = StepPhases.compensationInFlight(step);
    if (!compensation && !StepPhases.attemptInFlight(step)) {
      return false;
    }
    Instant deadline = RunTimes.parse(step.getDeadline());
    if (deadline == null || pass.now.isBefore(deadline)) {
      return false;
    }
    pass.trail.attemptOutcomes.add(TIMED_OUT);
    int attempt = intValue(compensation ? step.getCompensationAttempts() : step.getAttempts());
    String what = (compensation ? "compensation attempt " : "attempt ") + attempt;
    String message = what + " got no result by its deadline " + step.getDeadline();
    if (compensation) {
      compensationFailed(step, COMPENSATION_TIMED_OUT, message);
    } else {
      attemptFailed(step, ATTEMPT_TIMED_OUT, message, stopping, false, RunPhase.TimedOut);
    }
    return true;
  }

  private void stepResult(StepStatus step, StepResult result, Instant completed, boolean stopping) {
    switch (result.outcome()) {
      case SUCCEEDED -> {
        step.setOutputHash(result.outputHash());
        step.setProvenanceHash(result.provenanceHash());
        step.setReason(null);
        step.setMessage(null);
        pass.finishStep(step, RunPhase.Succeeded, completed);
      }
      case FAILED ->
          attemptFailed(step, reason(result), describe(result), stopping, false, RunPhase.Failed);
      case DEAD_LETTERED ->
          // The worker gave up on the task after delivering it too often: no retry.
          attemptFailed(step, reason(result), describe(result), stopping, true, RunPhase.Failed);
    }
  }

  /** Retries if attempts remain (and the run is not stopping), else ends the step in `phase`. */
  private void attemptFailed(
      StepStatus step,
      String reason,
      String message,
      boolean stopping,
      boolean noRetry,
      RunPhase phase) {
    int attempt = intValue(step.getAttempts());
    step.setReason(reason);
    if (!noRetry && !stopping && attempt < pass.maxAttempts(step.getName())) {
      Duration wait = pass.backoff.after(attempt);
      Instant next = pass.now.plus(wait);
      RunPass.clearAttempt(step);
      step.setNextAttemptTime(RunTimes.format(next));
      step.setMessage(message + "; attempt " + (attempt + 1) + " in " + seconds(wait));
      pass.trail.event(
          EventReason.StepRetrying, "step " + step.getName() + ": " + step.getMessage());
      return;
    }
    step.setMessage(message);
    pass.finishStep(step, phase, pass.now);
    pass.trail.event(
        phase == RunPhase.TimedOut ? EventReason.StepTimedOut : EventReason.StepFailed,
        "step "
            + step.getName()
            + " "
            + phase.name().toLowerCase()
            + " ("
            + reason
            + "): "
            + message);
  }

  private void compensationResult(StepStatus step, StepResult result) {
    if (result.outcome() == StepResult.Outcome.SUCCEEDED) {
      RunPass.clearAttempt(step);
      step.setPhase(RunPhase.Compensated);
      step.setReason(null);
      step.setMessage("compensated");
      pass.trail.event(EventReason.StepCompensated, "step " + step.getName() + " compensated");
      return;
    }
    compensationFailed(step, reason(result), describe(result));
  }

  private void compensationFailed(StepStatus step, String reason, String message) {
    int attempt = intValue(step.getCompensationAttempts());
    RunPass.clearAttempt(step);
    step.setReason(reason);
    if (attempt < pass.maxAttempts(step.getName())) {
      Duration wait = pass.backoff.after(attempt);
      step.setNextAttemptTime(RunTimes.format(pass.now.plus(wait)));
      step.setMessage(
          "compensation " + message + "; attempt " + (attempt + 1) + " in " + seconds(wait));
      return;
    }
    step.setPhase(RunPhase.Failed);
    step.setMessage("compensation failed: " + message);
    pass.trail.event(
        EventReason.CompensationFailed,
        "step " + step.getName() + ": compensation failed (" + reason + "): " + message);
  }

  /** LLM tokens and cost of every attempt count, failed ones too. */
  private static void addUsage(StepStatus step, StepResult result) {
    if (result.tokens() > 0) {
      step.setTokens((step.getTokens() == null ? 0L : step.getTokens()) + result.tokens());
    }
    if (result.costUsd() != null && !result.costUsd().isBlank()) {
      try {
        BigDecimal before =
            step.getCostUsd() == null ? BigDecimal.ZERO : new BigDecimal(step.getCostUsd());
        step.setCostUsd(before.add(new BigDecimal(result.costUsd())).toPlainString());
      } catch (NumberFormatException notADecimal) {
        // A worker writes decimals only; a malformed cost must not stop the run's bookkeeping.
      }
    }
  }

  private static String reason(StepResult result) {
    return result.reason() == null || result.reason().isBlank()
        ? result.outcome() == StepResult.Outcome.DEAD_LETTERED ? "DeadLettered" : "Failed"
        : result.reason();
  }

  private static String describe(StepResult result) {
    return "attempt "
        + result.attempt()
        + " "
        + (result.outcome() == StepResult.Outcome.DEAD_LETTERED ? "dead-lettered" : "failed")
        + (result.message() == null || result.message().isBlank() ? "" : ": " + result.message());
  }

  private static String seconds(Duration wait) {
    return new BigDecimal(wait.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString()
        + "s";
  }

  static int intValue(Integer value) {
    return value == null ? 0 : value;
  }
}
