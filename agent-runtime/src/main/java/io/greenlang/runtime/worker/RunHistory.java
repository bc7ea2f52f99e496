package io.greenlang.runtime.worker;

import java.util.List;

/** The stored results of one PipelineRun, for tools that assemble what earlier steps produced. */
@FunctionalInterface
public interface RunHistory {

  /**
   * The latest succeeded attempt of every step of the run that has one (compensations left out),
   * ordered by step name.
   */
  List<StoredStepResult> succeededSteps();
}
