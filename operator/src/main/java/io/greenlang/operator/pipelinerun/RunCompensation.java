package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.pipelinerun.StepStatus;
import io.greenlang.operator.events.EventReason;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The saga of a run that stopped early: every succeeded step that names a compensation has it run,
 * one at a time, in reverse order of completion (the later completion first; for equal times, the
 * step listed later in the Pipeline first). A compensation that fails after its attempts leaves its
 * step Failed and the saga goes on with the next.
 */
final class RunCompensation {
  private final RunPass pass;

  RunCompensation(RunPass pass) {
    this.pass = pass;
  }

  /** Succeeded steps with a compensation not yet run, in the order they will be compensated. */
  List<StepStatus> pending() {
    return pass.steps.values().stream()
        .filter(s -> s.getPhase() == RunPhase.Succeeded)
        .filter(s -> pass.spec(s.getName()).getCompensation() != null)
        .sorted(
            Comparator.comparing((StepStatus s) -> completion(s))
                .thenComparing(s -> pass.graph.indexOf(s.getName()))
                .reversed())
        .toList();
  }

  /**
   * Moves the saga on: waits for the compensation in flight or its retry time, else starts the
   * next. Returns true when nothing is left to compensate.
   */
  boolean advance() {
    Optional<StepStatus> current =
        pass.steps.values().stream().filter(s -> s.getPhase() == RunPhase.Compensating).findFirst();
    if (current.isPresent()) {
      StepStatus step = current.get();
      if (step.getDispatchTime() != null) {
        return false;
      }
      Instant retryAt = RunTimes.parse(step.getNextAttemptTime());
      if (retryAt != null && pass.now.isBefore(retryAt)) {
        return false;
      }
      launch(step, AttemptOutcomes.intValue(step.getCompensationAttempts()) + 1);
      return false;
    }
    List<StepStatus> next = pending();
    if (next.isEmpty()) {
      return true;
    }
    StepStatus step = next.get(0);
    pass.trail.compensationsStarted++;
    pass.trail.event(
        EventReason.Compensating,
        "compensating step "
            + step.getName()
            + " with agent "
            + pass.spec(step.getName()).getCompensation().getAgent()
            + " ("
            + next.size()
            + " to go, in reverse order of completion)");
    launch(step, 1);
    return false;
  }

  private void launch(StepStatus step, int attempt) {
    StepAttempt compensation = pass.attempt(step.getName(), attempt, true);
    StepLauncher.Launch launch = pass.launcher.launch(compensation, pass.now);
    if (launch instanceof StepLauncher.Published published) {
      step.setPhase(RunPhase.Compensating);
      step.setCompensationAttempts(attempt);
      step.setDispatchTime(RunTimes.format(published.at()));
      step.setDeadline(RunTimes.format(published.deadline()));
      step.setNextAttemptTime(null);
    } else if (launch instanceof StepLauncher.Refused refused) {
      RunPass.clearAttempt(step);
      step.setPhase(RunPhase.Failed);
      step.setReason(refused.reason());
      step.setMessage("compensation not run: " + refused.message());
      pass.trail.event(
          EventReason.CompensationFailed,
          "step " + step.getName() + ": compensation not run: " + refused.message());
      // The saga goes on with the next step at once.
      advance();
    }
  }

  private static Instant completion(StepStatus step) {
    Instant at = RunTimes.parse(step.getCompletionTime());
    return at == null ? Instant.EPOCH : at;
  }
}
