package io.greenlang.runtime.worker;

import io.greenlang.crds.runtime.StepTask;
import java.util.List;
import java.util.Map;

/** Tool contexts for unit tests of tools: no memory, a given run history. */
public final class ToolContexts {

  private ToolContexts() {}

  public static StepTask task(String step, String tool) {
    return new StepTask(
        StepTask.taskId("run-uid-1", step, 1, false),
        "acme",
        "gl-acme",
        "cbam-2026-q1",
        "run-uid-1",
        step,
        1,
        "agent",
        tool,
        Map.of(),
        false,
        0);
  }

  public static ToolContext of(
      String step, String tool, Map<String, String> settings, List<StoredStepResult> history) {
    return new ToolContext(task(step, tool), settings, null, () -> history);
  }
}
