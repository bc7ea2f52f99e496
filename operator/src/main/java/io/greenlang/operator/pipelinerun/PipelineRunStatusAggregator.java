package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.pipelinerun.StepStatus;
import io.greenlang.operator.status.ConditionTransitions;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Derives the summary of a run's status: the one Tekton-style condition {@code Succeeded} (Unknown
 * while Pending, Queued, Running, Stopping or Compensating; True when Succeeded; False with reason
 * Failed, Cancelled, TimedOut or why the run could not start), the phase of a started run and the
 * progress ("2/4": finished steps over all steps).
 */
public final class PipelineRunStatusAggregator {
  /** Reasons of the Succeeded condition while the run goes on. */
  public static final String RUNNING = "Running";

  public static final String STOPPING = "Stopping";
  public static final String COMPENSATING = "Compensating";

  /** Phases a run does not leave. */
  public static final Set<RunPhase> FINISHED =
      EnumSet.of(RunPhase.Succeeded, RunPhase.Failed, RunPhase.Cancelled, RunPhase.TimedOut);

  private PipelineRunStatusAggregator() {}

  /** A run that has not started: waiting in {@code phase} for the given reason. */
  public static void waiting(
      PipelineRunStatus status,
      Condition previous,
      RunPhase phase,
      String reason,
      String message,
      Long generation,
      Instant now) {
    status.setPhase(phase);
    setCondition(
        status,
        previous,
        new Condition(PipelineRunStatus.SUCCEEDED, ConditionStatus.Unknown, reason, message),
        generation,
        now);
  }

  /**
   * A run that ended before it started: {@code phase} Failed (it never can start) or Cancelled, the
   * condition False with {@code reason}.
   */
  public static void endedBeforeStart(
      PipelineRunStatus status,
      Condition previous,
      RunPhase phase,
      String reason,
      String message,
      Long generation,
      Instant now) {
    status.setPhase(phase);
    status.setCompletionTime(RunTimes.format(now));
    setCondition(
        status,
        previous,
        new Condition(PipelineRunStatus.SUCCEEDED, ConditionStatus.False, reason, message),
        generation,
        now);
  }

  /** A started run: phase, progress and condition from its steps and stop reason. */
  public static void started(
      PipelineRunStatus status, Condition previous, Long generation, Instant now) {
    List<StepStatus> steps = status.getSteps();
    long finished = steps.stream().filter(s -> StepPhases.FINISHED.contains(s.getPhase())).count();
    status.setProgress(finished + "/" + steps.size());
    Condition condition;
    if (status.getPhase() == RunPhase.Succeeded) {
      condition =
          new Condition(
              PipelineRunStatus.SUCCEEDED,
              ConditionStatus.True,
              RunPhase.Succeeded.name(),
              "all " + steps.size() + " steps succeeded or were skipped");
    } else if (FINISHED.contains(status.getPhase())) {
      condition =
          new Condition(
              PipelineRunStatus.SUCCEEDED,
              ConditionStatus.False,
              status.getStopReason(),
              status.getStopMessage() + compensationSummary(steps));
    } else if (status.getStopReason() != null) {
      boolean compensating =
          steps.stream().anyMatch(s -> AttemptOutcomes.intValue(s.getCompensationAttempts()) > 0);
      status.setPhase(compensating ? RunPhase.Compensating : RunPhase.Running);
      condition =
          new Condition(
              PipelineRunStatus.SUCCEEDED,
              ConditionStatus.Unknown,
              compensating ? COMPENSATING : STOPPING,
              status.getStopReason()
                  + ": "
                  + status.getStopMessage()
                  + (compensating
                      ? "; compensating " + names(steps, RunPhase.Compensating)
                      : "; waiting for " + running(steps) + " to finish"));
    } else {
      status.setPhase(RunPhase.Running);
      condition =
          new Condition(
              PipelineRunStatus.SUCCEEDED,
              ConditionStatus.Unknown,
              RUNNING,
              status.getProgress() + " steps finished; running: " + running(steps));
    }
    setCondition(status, previous, condition, generation, now);
  }

  private static String compensationSummary(List<StepStatus> steps) {
    long compensated = steps.stream().filter(s -> s.getPhase() == RunPhase.Compensated).count();
    long attempted =
        steps.stream()
            .filter(s -> AttemptOutcomes.intValue(s.getCompensationAttempts()) > 0)
            .count();
    if (attempted == 0) {
      return "";
    }
    return "; compensated " + compensated + " of " + attempted + " steps";
  }

  private static String running(List<StepStatus> steps) {
    String names = names(steps, RunPhase.Running);
    return names.isEmpty() ? "none" : names;
  }

  private static String names(List<StepStatus> steps, RunPhase phase) {
    return steps.stream()
        .filter(s -> s.getPhase() == phase)
        .map(StepStatus::getName)
        .collect(Collectors.joining(", "));
  }

  private static void setCondition(
      PipelineRunStatus status,
      Condition previous,
      Condition condition,
      Long generation,
      Instant now) {
    status.setObservedGeneration(generation);
    status.setConditions(
        ConditionTransitions.merge(
            previous == null ? null : List.of(previous), List.of(condition), now, generation));
  }
}
