package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.runtime.StepTask;

/**
 * One attempt of a step, or of its compensation, as the orchestration asks for it to be published.
 *
 * @param step the step as the run's copy of the Pipeline declares it
 * @param index the step's position in the Pipeline, for field names in messages
 * @param attempt 1 for the first attempt
 * @param compensation whether this attempt runs the step's compensation
 */
record StepAttempt(PipelineStep step, int index, int attempt, boolean compensation) {

  String taskId(String runUid) {
    return StepTask.taskId(runUid, step.getName(), attempt, compensation);
  }

  /** Where the attempt's agent, tool and inputs are declared, such as spec.steps[2]. */
  String field() {
    return "spec.steps[" + index + "]" + (compensation ? ".compensation" : "");
  }
}
