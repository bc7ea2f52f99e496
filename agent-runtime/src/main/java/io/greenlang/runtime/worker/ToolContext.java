package io.greenlang.runtime.worker;

import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.memory.MemoryStore;
import java.util.Map;

/**
 * What a tool may use besides its inputs while it runs one task.
 *
 * @param task the task being run (run, step, attempt, deadline)
 * @param toolConfig the tool's settings from the agent's {@code spec.tools[].config} (never null)
 * @param memory the agent's short-term and long-term memory
 * @param runHistory the stored results of the task's PipelineRun so far
 */
public record ToolContext(
    StepTask task, Map<String, String> toolConfig, MemoryStore memory, RunHistory runHistory) {

  /** A tool setting, or {@code fallback} when the agent does not set it. */
  public String setting(String name, String fallback) {
    String value = toolConfig.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
