package io.greenlang.crds.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What a worker reports for one {@link StepTask}, on the run's result stream, after the result is
 * stored. Published at least once: the operator ignores a result for an attempt it already
 * recorded.
 *
 * @param taskId the task's id
 * @param step the step's name
 * @param attempt the attempt
 * @param compensation whether the task was a compensation
 * @param outcome SUCCEEDED, FAILED (the step may be retried) or DEAD_LETTERED (delivered too often)
 * @param outputs the step's outputs by name, for {@code ${steps.<step>.outputs.<name>}}
 * @param outputHash SHA-256 of the canonical JSON of the outputs
 * @param provenanceHash hash of the result's provenance record, chained into the run's root hash
 * @param tokens LLM tokens the step used
 * @param costUsd LLM cost of the step in US dollars, as a decimal string
 * @param reason a short CamelCase reason when the outcome is not SUCCEEDED
 * @param message a human-readable message, free of secrets
 * @param worker the consumer that ran it
 * @param startedEpochMillis when the worker started it
 * @param completedEpochMillis when the worker finished it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepResult(
    String taskId,
    String step,
    int attempt,
    boolean compensation,
    Outcome outcome,
    Map<String, Object> outputs,
    String outputHash,
    String provenanceHash,
    long tokens,
    String costUsd,
    String reason,
    String message,
    String worker,
    long startedEpochMillis,
    long completedEpochMillis) {

  /** How a step attempt ended. */
  public enum Outcome {
    SUCCEEDED,
    FAILED,
    DEAD_LETTERED
  }
}
