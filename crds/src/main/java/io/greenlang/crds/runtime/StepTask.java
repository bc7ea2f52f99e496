package io.greenlang.crds.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One attempt of one PipelineRun step, as the operator publishes it on the agent's task stream
 * ({@link StepStreams#tasks}); the worker answers with a {@link StepResult} on {@link
 * StepStreams#results}. Inputs are resolved: parameters, input data and upstream outputs are
 * substituted, so a worker needs nothing but the task.
 *
 * @param taskId {@code <runUid>/<step>/<attempt>}, the idempotency key of the stored result
 * @param tenant the tenant the step runs for
 * @param namespace the PipelineRun's namespace
 * @param pipelineRun the PipelineRun's name
 * @param runUid the PipelineRun's uid
 * @param step the step's name (for a compensation: the name of the step it compensates)
 * @param attempt 1 for the first attempt
 * @param agent the agent that runs it
 * @param tool the agent tool to call, or null for the agent's default behaviour
 * @param inputs resolved inputs by name: strings, numbers as decimal strings, or JSON structures
 * @param compensation true when this task undoes the completed step {@code step}
 * @param deadlineEpochMillis when the operator stops waiting for this attempt
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepTask(
    String taskId,
    String tenant,
    String namespace,
    String pipelineRun,
    String runUid,
    String step,
    int attempt,
    String agent,
    String tool,
    Map<String, Object> inputs,
    boolean compensation,
    long deadlineEpochMillis) {

  /** The task id for an attempt of a step of a run. */
  public static String taskId(String runUid, String step, int attempt, boolean compensation) {
    return runUid + "/" + (compensation ? "compensate-" : "") + step + "/" + attempt;
  }
}
