package io.greenlang.runtime.worker;

import java.util.Map;

/**
 * A tool a pipeline step can run on an agent: the service provider interface of the step worker.
 * Implementations are CDI beans ({@code @ApplicationScoped}); the worker finds every one and picks
 * the tool a {@link io.greenlang.crds.runtime.StepTask} names, provided the agent declares it in
 * {@code spec.tools}.
 *
 * <p>A tool may run more than once for the same task (delivery is at least once; only the stored
 * result is exactly once), so it must not have effects beyond its result that a second run would
 * duplicate, or must make them idempotent itself.
 */
public interface AgentTool {

  /** The tool's id as an Agent's {@code spec.tools[].name} and a task's {@code tool} name it. */
  String name();

  /**
   * Runs the tool.
   *
   * @param inputs the task's resolved inputs (never null)
   * @param context the task, the tool's settings from the agent, memory and the run's results
   * @return outputs, provenance, tokens and cost
   * @throws StepFailure when the step fails for a reason the tool can name, such as bad input
   */
  ToolResult execute(Map<String, Object> inputs, ToolContext context);
}
