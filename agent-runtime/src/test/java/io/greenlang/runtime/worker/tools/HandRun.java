package io.greenlang.runtime.worker.tools;

import com.fasterxml.jackson.core.type.TypeReference;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipeline.StepCompensation;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.memory.MemoryStore;
import io.greenlang.runtime.worker.AgentTool;
import io.greenlang.runtime.worker.CanonicalJson;
import io.greenlang.runtime.worker.StoredStepResult;
import io.greenlang.runtime.worker.ToolContext;
import io.greenlang.runtime.worker.ToolResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sample pipeline's steps run by hand in one JVM for unit tests: each step's inputs resolved as
 * the operator resolves them, the tool the step (or its agent) names called directly with the
 * agent's settings, its outputs passed through JSON as the bus passes them, and kept for later
 * steps and for the run's history.
 */
public final class HandRun {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final SamplePipeline sample;
  private final Agent agent;
  private final Map<String, AgentTool> tools = new LinkedHashMap<>();
  private final MemoryStore memory;
  private final String runUid;
  private final Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
  private final List<StoredStepResult> history = new ArrayList<>();

  public HandRun(
      SamplePipeline sample, Agent agent, MemoryStore memory, String runUid, AgentTool... tools) {
    this.sample = sample;
    this.agent = agent;
    this.memory = memory;
    this.runUid = runUid;
    for (AgentTool tool : tools) {
      this.tools.put(tool.name(), tool);
    }
  }

  /** Runs step {@code name} and returns what its tool produced. */
  public ToolResult run(String name) {
    PipelineStep step = sample.step(name);
    String toolName =
        step.getTool() != null ? step.getTool() : agent.getSpec().getTools().get(0).getName();
    Map<String, Object> inputs = sample.inputs(step.getInputs(), outputs);
    StepTask task = task(name, toolName, inputs);
    ToolResult result = tools.get(toolName).execute(inputs, context(task, toolName));
    Map<String, Object> published =
        CanonicalJson.MAPPER.convertValue(CanonicalJson.tree(result.outputs()), MAP);
    outputs.put(name, published);
    history.add(
        new StoredStepResult(
            agent.getMetadata().getName(),
            toolName,
            result.provenance(),
            new StepResult(
                task.taskId(),
                name,
                1,
                false,
                StepResult.Outcome.SUCCEEDED,
                published,
                CanonicalJson.sha256(published),
                result.provenanceHash(),
                0,
                "0",
                null,
                null,
                "hand",
                0,
                0)));
    return result;
  }

  /** Runs the compensation of step {@code name}, with its inputs resolved. */
  public ToolResult compensate(String name) {
    StepCompensation compensation = sample.step(name).getCompensation();
    Map<String, Object> inputs = sample.inputs(compensation.getInputs(), outputs);
    StepTask task =
        new StepTask(
            StepTask.taskId(runUid, name, 1, true),
            "acme-steel",
            sample.run.getMetadata().getNamespace(),
            sample.run.getMetadata().getName(),
            runUid,
            name,
            1,
            compensation.getAgent(),
            compensation.getTool(),
            inputs,
            true,
            0);
    return tools.get(compensation.getTool()).execute(inputs, context(task, compensation.getTool()));
  }

  /** Whether step {@code name}'s {@code when} holds now. */
  public boolean when(String name) {
    return sample.when(sample.step(name), outputs);
  }

  /** The outputs of step {@code name} as the next steps see them. */
  public Map<String, Object> outputs(String name) {
    return outputs.get(name);
  }

  /** The task this run publishes for step {@code name}. */
  public StepTask task(String name, String tool, Map<String, Object> inputs) {
    return new StepTask(
        StepTask.taskId(runUid, name, 1, false),
        "acme-steel",
        sample.run.getMetadata().getNamespace(),
        sample.run.getMetadata().getName(),
        runUid,
        name,
        1,
        agent.getMetadata().getName(),
        tool,
        inputs,
        false,
        0);
  }

  /** The context the worker gives the tool: the agent's settings for it, memory, history. */
  public ToolContext context(StepTask task, String tool) {
    Map<String, String> settings =
        agent.getSpec().getTools().stream()
            .filter(declared -> declared.getName().equals(tool))
            .findFirst()
            .map(
                declared ->
                    declared.getConfig() == null ? Map.<String, String>of() : declared.getConfig())
            .orElseThrow(() -> new IllegalStateException(tool + " is not declared by the agent"));
    // As the result store gives them: by step name.
    List<StoredStepResult> sofar =
        history.stream()
            .sorted(java.util.Comparator.comparing(stored -> stored.result().step()))
            .toList();
    return new ToolContext(task, settings, memory, () -> sofar);
  }

  /** A decimal output of step {@code name}. */
  public BigDecimal decimal(String name, String output) {
    return new BigDecimal(outputs.get(name).get(output).toString());
  }
}
