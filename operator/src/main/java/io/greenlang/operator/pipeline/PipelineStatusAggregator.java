package io.greenlang.operator.pipeline;

import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.pipeline.Pipeline;
import io.greenlang.crds.pipeline.PipelineLastRun;
import io.greenlang.crds.pipeline.PipelinePhase;
import io.greenlang.crds.pipeline.PipelineStatus;
import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.operator.status.ConditionTransitions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds a Pipeline's status from its validation: always the conditions Ready and Valid (Ready
 * follows Valid), the phase, the step count and the most recent run.
 */
public final class PipelineStatusAggregator {
  /** The condition types, in order. */
  public static final List<String> CONDITION_TYPES =
      List.of(PipelineStatus.READY, PipelineStatus.VALID);

  static final String VALID_REASON = "Valid";
  private static final int MAX_LISTED_PROBLEMS = 20;

  private PipelineStatusAggregator() {}

  public static PipelineStatus aggregate(
      Pipeline pipeline, List<PipelineProblem> problems, List<PipelineRun> runs, Instant now) {
    Long generation = pipeline.getMetadata().getGeneration();
    PipelineStatus previous = pipeline.getStatus();
    PipelineStatus status = new PipelineStatus();
    status.setObservedGeneration(generation);
    List<PipelineStep> steps = pipeline.getSpec().getSteps();
    status.setStepCount(steps == null ? 0 : steps.size());
    status.setPhase(problems.isEmpty() ? PipelinePhase.Valid : PipelinePhase.Invalid);
    Condition valid =
        problems.isEmpty()
            ? new Condition(
                PipelineStatus.VALID, ConditionStatus.True, VALID_REASON, validMessage(pipeline))
            : new Condition(
                PipelineStatus.VALID,
                ConditionStatus.False,
                problems.get(0).reason(),
                invalidMessage(problems));
    Condition ready =
        new Condition(
            PipelineStatus.READY, valid.getStatus(), valid.getReason(), valid.getMessage());
    status.setConditions(
        ConditionTransitions.merge(
            previous == null ? null : previous.getConditions(),
            List.of(ready, valid),
            now,
            generation));
    status.setLastRun(lastRun(runs).orElse(null));
    return status;
  }

  /** The most recently created run, with its outcome so far. */
  static Optional<PipelineLastRun> lastRun(List<PipelineRun> runs) {
    return runs.stream()
        .max(
            Comparator.comparing((PipelineRun r) -> r.getMetadata().getCreationTimestamp())
                .thenComparing(r -> r.getMetadata().getName()))
        .map(
            run -> {
              PipelineLastRun last = new PipelineLastRun();
              last.setName(run.getMetadata().getName());
              PipelineRunStatus status = run.getStatus();
              last.setSucceeded(
                  status == null
                      ? ConditionStatus.Unknown.name()
                      : status
                          .condition(PipelineRunStatus.SUCCEEDED)
                          .map(c -> c.getStatus().name())
                          .orElse(ConditionStatus.Unknown.name()));
              last.setCompletionTime(status == null ? null : status.getCompletionTime());
              return last;
            });
  }

  private static String validMessage(Pipeline pipeline) {
    List<PipelineStep> steps = pipeline.getSpec().getSteps();
    String agents =
        steps.stream().map(PipelineStep::getAgent).distinct().collect(Collectors.joining(", "));
    return steps.size()
        + (steps.size() == 1 ? " step" : " steps")
        + ", pattern "
        + pipeline.getSpec().getPattern()
        + ", agents: "
        + agents;
  }

  private static String invalidMessage(List<PipelineProblem> problems) {
    String listed =
        problems.stream()
            .limit(MAX_LISTED_PROBLEMS)
            .map(PipelineProblem::describe)
            .collect(Collectors.joining("; "));
    return problems.size() > MAX_LISTED_PROBLEMS
        ? listed + "; and " + (problems.size() - MAX_LISTED_PROBLEMS) + " more"
        : listed;
  }
}
