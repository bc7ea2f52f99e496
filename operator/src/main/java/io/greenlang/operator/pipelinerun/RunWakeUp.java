package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.pipelinerun.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a run must be looked at again without any event: the earliest attempt deadline, retry time
 * or run deadline of a running run; a waiting or queued run now and then, in case what it waits for
 * sends no event (a ConfigMap created, a slot freed by a run deleted while this process was down).
 * Results never need this: they come through the event source.
 */
final class RunWakeUp {
  /** Past the time, so the pass that wakes up sees it reached. */
  private static final Duration MARGIN = Duration.ofMillis(5);

  private RunWakeUp() {}

  static Optional<Duration> next(
      PipelineRunStatus status, PipelineRun run, Instant now, PipelineRunSettings settings) {
    RunPhase phase = status.getPhase();
    if (phase == null || PipelineRunStatusAggregator.FINISHED.contains(phase)) {
      return Optional.empty();
    }
    if (phase == RunPhase.Pending || phase == RunPhase.Queued) {
      return Optional.of(settings.queueRecheckInterval());
    }
    List<Instant> times = new ArrayList<>();
    if (status.getStopReason() == null || hasAttemptInFlight(status)) {
      times.add(RunExecution.deadline(run, status));
    }
    for (StepStatus step : status.getSteps()) {
      if (step.getDispatchTime() != null) {
        times.add(RunTimes.parse(step.getDeadline()));
      } else {
        times.add(RunTimes.parse(step.getNextAttemptTime()));
      }
    }
    return times.stream()
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder())
        .map(t -> t.isAfter(now) ? Duration.between(now, t).plus(MARGIN) : MARGIN);
  }

  private static boolean hasAttemptInFlight(PipelineRunStatus status) {
    return status.getSteps().stream().anyMatch(StepPhases::attemptInFlight);
  }
}
