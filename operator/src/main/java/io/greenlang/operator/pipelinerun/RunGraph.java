package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.pipelinerun.StepStatus;
import io.greenlang.operator.pipeline.StepGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which steps of a run may start now, by pattern. SINGLE and PARALLEL: every step at once.
 * PIPELINE: the next step once every earlier one succeeded. ORCHESTRATION: a step once each of its
 * dependencies succeeded or was skipped — a skipped step does not hold back its dependents; whether
 * such a dependent runs is then up to its own {@code when}, and it is skipped too if it reads the
 * skipped step's outputs ({@link RunProgress}).
 */
final class RunGraph {
  private RunGraph() {}

  /** The steps still Pending whose predecessors allow them to start, in pipeline order. */
  static List<PipelineStep> ready(StepGraph graph, Map<String, StepStatus> steps) {
    List<PipelineStep> ready = new ArrayList<>();
    List<PipelineStep> all = graph.steps();
    for (int i = 0; i < all.size(); i++) {
      PipelineStep step = all.get(i);
      if (phase(steps, step.getName()) != RunPhase.Pending) {
        continue;
      }
      boolean allowed =
          switch (graph.pattern()) {
            case SINGLE, PARALLEL -> true;
            case PIPELINE ->
                all.subList(0, i).stream()
                    .allMatch(s -> phase(steps, s.getName()) == RunPhase.Succeeded);
            case ORCHESTRATION ->
                step.dependencies().stream()
                    .allMatch(
                        d ->
                            phase(steps, d) == RunPhase.Succeeded
                                || phase(steps, d) == RunPhase.Skipped);
          };
      if (allowed) {
        ready.add(step);
      }
    }
    return ready;
  }

  /** Whether every step succeeded or was skipped: the run succeeded. */
  static boolean complete(Map<String, StepStatus> steps) {
    return steps.values().stream().allMatch(StepPhases::succeededOrSkipped);
  }

  private static RunPhase phase(Map<String, StepStatus> steps, String name) {
    StepStatus step = steps.get(name);
    return step == null ? null : step.getPhase();
  }
}
