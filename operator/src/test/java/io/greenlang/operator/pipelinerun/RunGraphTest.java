package io.greenlang.operator.pipelinerun;

import static io.greenlang.operator.pipeline.PipelineSpecs.dependsOn;
import static io.greenlang.operator.pipeline.PipelineSpecs.spec;
import static io.greenlang.operator.pipeline.PipelineSpecs.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.pipeline.PipelineSpec;
import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipeline.WorkflowPattern;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.pipelinerun.StepStatus;
import io.greenlang.operator.pipeline.StepGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunGraphTest {

  private static List<String> ready(PipelineSpec spec, RunPhase... phases) {
    Map<String, StepStatus> steps = new LinkedHashMap<>();
    for (int i = 0; i < spec.getSteps().size(); i++) {
      StepStatus status = new StepStatus();
      status.setName(spec.getSteps().get(i).getName());
      status.setPhase(phases[i]);
      steps.put(status.getName(), status);
    }
    return RunGraph.ready(new StepGraph(spec), steps).stream().map(PipelineStep::getName).toList();
  }

  @Test
  void singleAndParallelStartEveryPendingStep() {
    assertThat(ready(spec(WorkflowPattern.SINGLE, step("a", "x")), RunPhase.Pending))
        .containsExactly("a");
    PipelineSpec parallel =
        spec(WorkflowPattern.PARALLEL, step("a", "x"), step("b", "x"), step("c", "x"));
    assertThat(ready(parallel, RunPhase.Pending, RunPhase.Pending, RunPhase.Pending))
        .containsExactly("a", "b", "c");
    assertThat(ready(parallel, RunPhase.Running, RunPhase.Succeeded, RunPhase.Pending))
        .containsExactly("c");
  }

  @Test
  void pipelineStartsTheNextStepOnceEveryEarlierOneSucceeded() {
    PipelineSpec pipeline =
        spec(WorkflowPattern.PIPELINE, step("a", "x"), step("b", "x"), step("c", "x"));
    assertThat(ready(pipeline, RunPhase.Pending, RunPhase.Pending, RunPhase.Pending))
        .containsExactly("a");
    assertThat(ready(pipeline, RunPhase.Running, RunPhase.Pending, RunPhase.Pending)).isEmpty();
    assertThat(ready(pipeline, RunPhase.Succeeded, RunPhase.Pending, RunPhase.Pending))
        .containsExactly("b");
    assertThat(ready(pipeline, RunPhase.Succeeded, RunPhase.Failed, RunPhase.Pending)).isEmpty();
  }

  @Test
  void orchestrationStartsAStepOnceEachDependencySucceededOrWasSkipped() {
    PipelineSpec dag =
        spec(
            WorkflowPattern.ORCHESTRATION,
            step("a", "x"),
            step("b", "x"),
            dependsOn(step("c", "x"), "a", "b"),
            dependsOn(step("d", "x"), "c"));
    assertThat(ready(dag, RunPhase.Pending, RunPhase.Pending, RunPhase.Pending, RunPhase.Pending))
        .containsExactly("a", "b");
    assertThat(ready(dag, RunPhase.Succeeded, RunPhase.Running, RunPhase.Pending, RunPhase.Pending))
        .isEmpty();
    assertThat(ready(dag, RunPhase.Succeeded, RunPhase.Skipped, RunPhase.Pending, RunPhase.Pending))
        .containsExactly("c");
    assertThat(ready(dag, RunPhase.Succeeded, RunPhase.Failed, RunPhase.Pending, RunPhase.Pending))
        .isEmpty();
    assertThat(
            ready(dag, RunPhase.Succeeded, RunPhase.Succeeded, RunPhase.Skipped, RunPhase.Pending))
        .containsExactly("d");
  }
}
