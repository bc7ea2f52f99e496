package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.pipelinerun.StepStatus;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reading the per-step record of a run's status: by name, in flight, finished. */
final class StepPhases {
  /** Phases a step does not leave (except Succeeded, which a compensation may follow). */
  static final Set<RunPhase> FINISHED =
      EnumSet.of(
          RunPhase.Succeeded,
          RunPhase.Failed,
          RunPhase.Skipped,
          RunPhase.Cancelled,
          RunPhase.TimedOut,
          RunPhase.Compensating,
          RunPhase.Compensated);

  private StepPhases() {}

  static Map<String, StepStatus> byName(PipelineRunStatus status) {
    Map<String, StepStatus> steps = new LinkedHashMap<>();
    status.getSteps().forEach(s -> steps.put(s.getName(), s));
    return steps;
  }

  /** An attempt of the step itself was published and its result has not been applied. */
  static boolean attemptInFlight(StepStatus step) {
    return step.getPhase() == RunPhase.Running && step.getDispatchTime() != null;
  }

  /** The step failed an attempt and waits to publish the next. */
  static boolean awaitingRetry(StepStatus step) {
    return step.getPhase() == RunPhase.Running
        && step.getDispatchTime() == null
        && step.getNextAttemptTime() != null;
  }

  /** A compensation attempt was published and its result has not been applied. */
  static boolean compensationInFlight(StepStatus step) {
    return step.getPhase() == RunPhase.Compensating && step.getDispatchTime() != null;
  }

  static boolean succeededOrSkipped(StepStatus step) {
    return step.getPhase() == RunPhase.Succeeded || step.getPhase() == RunPhase.Skipped;
  }
}
