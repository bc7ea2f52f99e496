package io.greenlang.runtime.worker.tools;

import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.memory.MemoryStore;
import io.greenlang.runtime.worker.ToolContext;
import java.util.List;
import java.util.Map;

/** Tasks and tool contexts for unit tests of the tools. */
public final class Contexts {

  private Contexts() {}

  public static StepTask task(String runUid, String step, String tool) {
    return new StepTask(
        StepTask.taskId(runUid, step, 1, false),
        "acme",
        "gl-acme",
        "run-" + runUid,
        runUid,
        step,
        1,
        "calculator",
        tool,
        Map.of(),
        false,
        0);
  }

  /** A context of step {@code step} of run {@code runUid}, with the agent's settings. */
  public static ToolContext context(
      String runUid, String step, String tool, Map<String, String> settings, MemoryStore memory) {
    return new ToolContext(task(runUid, step, tool), settings, memory, List::of);
  }

  /** A context of step "step" of run "uid-1". */
  public static ToolContext context(String tool, Map<String, String> settings) {
    return context("uid-1", "step", tool, settings, null);
  }
}
