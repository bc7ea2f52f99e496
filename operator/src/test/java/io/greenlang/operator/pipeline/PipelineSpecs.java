package io.greenlang.operator.pipeline;

import io.greenlang.crds.pipeline.PipelineParam;
import io.greenlang.crds.pipeline.PipelineSpec;
import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipeline.StepCompensation;
import io.greenlang.crds.pipeline.WorkflowPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pipeline specs for tests, built step by step. */
public final class PipelineSpecs {
  private PipelineSpecs() {}

  public static PipelineSpec spec(WorkflowPattern pattern, PipelineStep... steps) {
    PipelineSpec spec = new PipelineSpec();
    spec.setPattern(pattern);
    spec.setSteps(new ArrayList<>(List.of(steps)));
    return spec;
  }

  public static PipelineSpec withParams(PipelineSpec spec, String... names) {
    for (String name : names) {
      PipelineParam param = new PipelineParam();
      param.setName(name);
      spec.getParams().add(param);
    }
    return spec;
  }

  public static PipelineStep step(String name, String agent, String... inputs) {
    PipelineStep step = new PipelineStep();
    step.setName(name);
    step.setAgent(agent);
    step.setInputs(inputs(inputs));
    return step;
  }

  public static PipelineStep dependsOn(PipelineStep step, String... dependencies) {
    step.setDependsOn(new ArrayList<>(List.of(dependencies)));
    return step;
  }

  public static PipelineStep when(PipelineStep step, String when) {
    step.setWhen(when);
    return step;
  }

  public static PipelineStep tool(PipelineStep step, String tool) {
    step.setTool(tool);
    return step;
  }

  public static PipelineStep retries(PipelineStep step, int retries) {
    step.setRetries(retries);
    return step;
  }

  public static PipelineStep timeout(PipelineStep step, int seconds) {
    step.setTimeoutSeconds(seconds);
    return step;
  }

  public static PipelineStep compensation(PipelineStep step, String agent, String... inputs) {
    StepCompensation compensation = new StepCompensation();
    compensation.setAgent(agent);
    compensation.setInputs(inputs(inputs));
    step.setCompensation(compensation);
    return step;
  }

  /** Inputs from alternating names and values. */
  private static Map<String, String> inputs(String... namesAndValues) {
    Map<String, String> inputs = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      inputs.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return inputs;
  }
}
