package io.greenlang.runtime.worker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Thrown by a tool when its step fails for a reason it can name (bad input, a missing upstream
 * result): the step's result is FAILED with that reason, and the outputs given here are stored and
 * published with it (such as the list of invalid rows). The message reaches the PipelineRun's
 * status, so it must name the offending field and never carry a secret.
 */
public class StepFailure extends RuntimeException {

  private final String reason;
  private final transient Map<String, Object> outputs;

  /**
   * @param reason a short CamelCase reason, such as {@code InvalidInput}
   * @param message what went wrong, naming the field
   */
  public StepFailure(String reason, String message) {
    this(reason, message, Map.of());
  }

  /** As {@link #StepFailure(String, String)}, with outputs to store alongside the failure. */
  public StepFailure(String reason, String message, Map<String, Object> outputs) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }

  /** An {@code InvalidInput} failure naming the input. */
  public static StepFailure invalidInput(String input, String problem) {
    return new StepFailure("InvalidInput", "input '" + input + "' " + problem);
  }

  public String reason() {
    return reason;
  }

  public Map<String, Object> outputs() {
    return outputs;
  }
}
