package io.greenlang.runtime.worker;

import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.memory.MemoryStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one task with the tool it names (or the agent's only tool when it names none), provided the
 * agent declares the tool in {@code spec.tools}, and turns what happened into the result to store:
 * SUCCEEDED with the tool's outputs and provenance, or FAILED with a reason. A task whose deadline
 * has passed is not started.
 */
public final class StepExecutor {

  /** Outcome reasons of results the executor makes itself. */
  public static final String DEADLINE_EXCEEDED = "DeadlineExceeded";

  public static final String UNKNOWN_TOOL = "UnknownTool";
  public static final String TOOL_NOT_DECLARED = "ToolNotDeclared";
  public static final String NO_TOOL_NAMED = "NoToolNamed";
  public static final String TOOL_ERROR = "ToolError";
  public static final String MAX_DELIVERIES_EXCEEDED = "MaxDeliveriesExceeded";

  private static final int MAX_MESSAGE_CHARS = 2000;

  private final AgentRuntimeConfiguration agent;
  private final Map<String, Map<String, String>> declaredTools;
  private final ToolRegistry tools;
  private final MemoryStore memory;
  private final StepResultStore store;
  private final Clock clock;

  public StepExecutor(
      AgentRuntimeConfiguration agent,
      ToolRegistry tools,
      MemoryStore memory,
      StepResultStore store,
      Clock clock) {
    this.agent = agent;
    this.declaredTools = declaredTools(agent.getSpec());
    this.tools = tools;
    this.memory = memory;
    this.store = store;
    this.clock = clock;
  }

  /** Runs the task; never throws for a failure of the step itself, only for an {@link Error}. */
  public StoredStepResult run(StepTask task, String worker) {
    long started = clock.millis();
    if (task.deadlineEpochMillis() > 0 && started >= task.deadlineEpochMillis()) {
      return failed(
          task,
          null,
          worker,
          started,
          DEADLINE_EXCEEDED,
          "the deadline "
              + Instant.ofEpochMilli(task.deadlineEpochMillis())
              + " had passed when worker "
              + worker
              + " received the task; it was not started",
          Map.of());
    }
    String toolName = task.tool();
    if (toolName == null || toolName.isBlank()) {
      if (declaredTools.size() != 1) {
        return failed(
            task,
            null,
            worker,
            started,
            NO_TOOL_NAMED,
            "the task names no tool and agent "
                + agent.getAgent()
                + " declares "
                + declaredTools.size()
                + " tools "
                + declaredTools.keySet()
                + "; name one in the Pipeline step",
            Map.of());
      }
      toolName = declaredTools.keySet().iterator().next();
    }
    if (!declaredTools.containsKey(toolName)) {
      return failed(
          task,
          toolName,
          worker,
          started,
          TOOL_NOT_DECLARED,
          "tool '"
              + toolName
              + "' is not in spec.tools of agent "
              + agent.getAgent()
              + " "
              + declaredTools.keySet(),
          Map.of());
    }
    Optional<AgentTool> tool = tools.find(toolName);
    if (tool.isEmpty()) {
      return failed(
          task,
          toolName,
          worker,
          started,
          UNKNOWN_TOOL,
          "this runtime has no tool '" + toolName + "'; it has " + tools.names(),
          Map.of());
    }
    ToolContext context =
        new ToolContext(task, declaredTools.get(toolName), memory, () -> history(task));
    ToolResult result;
    try {
      result = tool.get().execute(task.inputs() == null ? Map.of() : task.inputs(), context);
    } catch (StepFailure failure) {
      return failed(
          task,
          toolName,
          worker,
          started,
          failure.reason(),
          shortened(failure.getMessage()),
          failure.outputs());
    } catch (RuntimeException e) {
      return failed(
          task,
          toolName,
          worker,
          started,
          TOOL_ERROR,
          shortened("tool '" + toolName + "' failed: " + e),
          Map.of());
    }
    Map<String, Object> outputs;
    try {
      outputs = normalized(result.outputs());
    } catch (IllegalArgumentException e) {
      return failed(
          task,
          toolName,
          worker,
          started,
          TOOL_ERROR,
          shortened(
              "tool '" + toolName + "' returned outputs that are not JSON: " + e.getMessage()),
          Map.of());
    }
    StepResult stepResult =
        new StepResult(
            task.taskId(),
            task.step(),
            task.attempt(),
            task.compensation(),
            StepResult.Outcome.SUCCEEDED,
            outputs,
            CanonicalJson.sha256(outputs),
            result.provenanceHash(),
            result.tokens(),
            result.costUsd().toPlainString(),
            null,
            null,
            worker,
            started,
            clock.millis());
    return new StoredStepResult(agent.getAgent(), toolName, result.provenance(), stepResult);
  }

  /** The DEAD_LETTERED result of a task delivered more than {@code maxDeliveries} times. */
  public StoredStepResult deadLettered(
      StepTask task, String worker, long deliveries, int maxDeliveries) {
    long now = clock.millis();
    StepResult result =
        new StepResult(
            task.taskId(),
            task.step(),
            task.attempt(),
            task.compensation(),
            StepResult.Outcome.DEAD_LETTERED,
            Map.of(),
            CanonicalJson.sha256(Map.of()),
            null,
            0,
            "0",
            MAX_DELIVERIES_EXCEEDED,
            "delivered "
                + deliveries
                + " times without being acknowledged (greenlang.worker.max-deliveries="
                + maxDeliveries
                + "); moved to the dead-letter stream",
            worker,
            now,
            now);
    return new StoredStepResult(agent.getAgent(), task.tool(), null, result);
  }

  private StoredStepResult failed(
      StepTask task,
      String tool,
      String worker,
      long started,
      String reason,
      String message,
      Map<String, Object> givenOutputs) {
    Map<String, Object> outputs;
    try {
      outputs = normalized(givenOutputs);
    } catch (IllegalArgumentException e) {
      outputs = Map.of();
    }
    StepResult result =
        new StepResult(
            task.taskId(),
            task.step(),
            task.attempt(),
            task.compensation(),
            StepResult.Outcome.FAILED,
            outputs,
            CanonicalJson.sha256(outputs),
            null,
            0,
            "0",
            reason,
            message,
            worker,
            started,
            clock.millis());
    return new StoredStepResult(agent.getAgent(), tool, null, result);
  }

  /** The outputs as they read back from their JSON, which is what is stored and hashed. */
  private static Map<String, Object> normalized(Map<String, Object> outputs) {
    return CanonicalJson.MAPPER.convertValue(
        CanonicalJson.tree(outputs),
        CanonicalJson.MAPPER
            .getTypeFactory()
            .constructMapType(LinkedHashMap.class, String.class, Object.class));
  }

  private List<StoredStepResult> history(StepTask task) {
    try {
      return store.succeededSteps(task.tenant(), task.runUid());
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not read the stored results of run " + task.runUid() + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Map<String, String>> declaredTools(AgentSpec spec) {
    Map<String, Map<String, String>> declared = new LinkedHashMap<>();
    if (spec != null && spec.getTools() != null) {
      for (io.greenlang.crds.agent.AgentTool tool : spec.getTools()) {
        Map<String, String> config = new LinkedHashMap<>();
        if (tool.getConfig() != null) {
          tool.getConfig().forEach((key, value) -> config.put(key, value == null ? "" : value));
        }
        declared.put(tool.getName(), Map.copyOf(config));
      }
    }
    return declared;
  }

  private static String shortened(String message) {
    if (message == null) {
      return null;
    }
    return message.length() <= MAX_MESSAGE_CHARS
        ? message
        : message.substring(0, MAX_MESSAGE_CHARS) + "...";
  }
}
