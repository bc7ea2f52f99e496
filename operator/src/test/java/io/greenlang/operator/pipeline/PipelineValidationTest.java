package io.greenlang.operator.pipeline;

import static io.greenlang.operator.pipeline.PipelineSpecs.compensation;
import static io.greenlang.operator.pipeline.PipelineSpecs.dependsOn;
import static io.greenlang.operator.pipeline.PipelineSpecs.spec;
import static io.greenlang.operator.pipeline.PipelineSpecs.step;
import static io.greenlang.operator.pipeline.PipelineSpecs.when;
import static io.greenlang.operator.pipeline.PipelineSpecs.withParams;
import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.pipeline.PipelineSpec;
import io.greenlang.crds.pipeline.WorkflowPattern;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineValidationTest {
  private static final String NAMESPACE = "gl-acme";
  private static final Set<String> AGENTS = Set.of("calculator", "reporter");

  private static List<PipelineProblem> validate(PipelineSpec spec) {
    return PipelineValidation.validate(NAMESPACE, spec, AGENTS);
  }

  @Test
  void aSoundOrchestrationHasNoProblems() {
    PipelineSpec spec =
        withParams(
            spec(
                WorkflowPattern.ORCHESTRATION,
                step(
                    "collect",
                    "calculator",
                    "supplier",
                    "${params.supplier}",
                    "csv",
                    "${inputs.shipments}"),
                dependsOn(
                    step("score", "calculator", "evidence", "${steps.collect.outputs.evidence}"),
                    "collect"),
                compensation(
                    when(
                        dependsOn(
                            step(
                                "file",
                                "reporter",
                                "text",
                                "supplier ${params.supplier}: ${steps.collect.outputs.evidence}"),
                            "score"),
                        "${steps.score.outputs.level} != 'critical'"),
                    "reporter",
                    "reference",
                    "${steps.file.outputs.reference}")),
            "supplier");

    assertThat(validate(spec)).isEmpty();
  }

  @Test
  void unknownAgentsOfStepsAndCompensationsAreNamedByField() {
    PipelineSpec spec =
        spec(
            WorkflowPattern.PIPELINE,
            step("a", "calculator"),
            compensation(step("b", "ghost"), "phantom"));

    assertThat(validate(spec))
        .containsExactly(
            new PipelineProblem(
                "UnknownAgent",
                "spec.steps[1].agent",
                "Agent \"ghost\" not found in namespace gl-acme for this tenant"),
            new PipelineProblem(
                "UnknownCompensationAgent",
                "spec.steps[1].compensation.agent",
                "Agent \"phantom\" not found in namespace gl-acme for this tenant"));
  }

  @Test
  void aCycleIsReportedWithItsPath() {
    PipelineSpec spec =
        spec(
            WorkflowPattern.ORCHESTRATION,
            dependsOn(step("a", "calculator"), "c"),
            dependsOn(step("b", "calculator"), "a"),
            dependsOn(step("c", "calculator"), "b"));

    assertThat(validate(spec))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo("DependencyCycle");
              assertThat(p.field()).isEqualTo("spec.steps[0].dependsOn");
              assertThat(p.message())
                  .isEqualTo("steps depend on each other in a cycle: a → c → b → a");
            });
  }

  @Test
  void orchestrationStepsReadOnlyTheirTransitiveDependencies() {
    PipelineSpec spec =
        spec(
            WorkflowPattern.ORCHESTRATION,
            step("a", "calculator"),
            dependsOn(step("b", "calculator"), "a"),
            dependsOn(
                step("c", "calculator", "x", "${steps.a.outputs.x}", "y", "${steps.d.outputs.y}"),
                "b"),
            step("d", "calculator"));

    assertThat(validate(spec))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo("ReferenceNotUpstream");
              assertThat(p.field()).isEqualTo("spec.steps[2].inputs.y");
              assertThat(p.message())
                  .isEqualTo(
                      "${steps.d.outputs.y} reads step \"d\", which does not run before step \"c\":"
                          + " add it to dependsOn (directly or through another step)");
            });
  }

  @Test
  void pipelineStepsReadEarlierStepsOnly() {
    PipelineSpec spec =
        spec(
            WorkflowPattern.PIPELINE,
            step("intake", "calculator", "rows", "${steps.report.outputs.rows}"),
            step("report", "reporter", "lines", "${steps.intake.outputs.lines}"));

    assertThat(validate(spec))
        .extracting(PipelineProblem::reason, PipelineProblem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "ReferenceNotUpstream", "spec.steps[0].inputs.rows"));
  }

  @Test
  void parallelAndSingleStepsReadNoStep() {
    PipelineSpec spec =
        spec(
            WorkflowPattern.PARALLEL,
            step("a", "calculator"),
            step("b", "calculator", "x", "${steps.a.outputs.x}"));

    assertThat(validate(spec))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .endsWith(
                        "steps of pattern PARALLEL run side by side and read only params and inputs"));
  }

  @Test
  void unknownStepsParamsAndMalformedReferences() {
    PipelineSpec spec =
        withParams(
            spec(
                WorkflowPattern.PIPELINE,
                step(
                    "a",
                    "calculator",
                    "one",
                    "${steps.nowhere.outputs.x}",
                    "two",
                    "${params.yaer}",
                    "three",
                    "${params.year",
                    "four",
                    "${secrets.token}")),
            "year");

    assertThat(validate(spec))
        .extracting(PipelineProblem::reason, PipelineProblem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("UnknownStepReference", "spec.steps[0].inputs.one"),
            org.assertj.core.groups.Tuple.tuple("UnknownParam", "spec.steps[0].inputs.two"),
            org.assertj.core.groups.Tuple.tuple("MalformedReference", "spec.steps[0].inputs.three"),
            org.assertj.core.groups.Tuple.tuple("MalformedReference", "spec.steps[0].inputs.four"));
  }

  @Test
  void whenMustCompileAndReadUpstreamOnly() {
    PipelineSpec spec =
        spec(
            WorkflowPattern.ORCHESTRATION,
            step("a", "calculator"),
            when(dependsOn(step("b", "calculator"), "a"), "${steps.a.outputs.level} === 'x'"),
            when(step("c", "calculator"), "${steps.a.outputs.level} == 'x'"));

    assertThat(validate(spec))
        .extracting(PipelineProblem::reason, PipelineProblem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("InvalidWhen", "spec.steps[1].when"),
            org.assertj.core.groups.Tuple.tuple("ReferenceNotUpstream", "spec.steps[2].when"));
  }

  @Test
  void aCompensationMayReadItsOwnStepButNotALaterOne() {
    PipelineSpec spec =
        spec(
            WorkflowPattern.PIPELINE,
            compensation(step("a", "calculator"), "calculator", "ref", "${steps.a.outputs.ref}"),
            compensation(step("b", "calculator"), "calculator", "ref", "${steps.c.outputs.ref}"),
            step("c", "calculator"));

    assertThat(validate(spec))
        .extracting(PipelineProblem::reason, PipelineProblem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "ReferenceNotUpstream", "spec.steps[1].compensation.inputs.ref"));
  }

  @Test
  void theTenantComesFromTheNamespaceOrSharedSpec() {
    PipelineSpec spec = spec(WorkflowPattern.SINGLE, step("a", "calculator"));

    assertThat(PipelineValidation.validate("default", spec, AGENTS))
        .extracting(PipelineProblem::reason, PipelineProblem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("TenantNotResolved", "metadata.namespace"));
    assertThat(PipelineValidation.validate("gl-shared", spec, AGENTS))
        .extracting(PipelineProblem::field)
        .containsExactly("spec.tenant");
    spec.setTenant("acme");
    assertThat(PipelineValidation.validate("gl-shared", spec, AGENTS)).isEmpty();
    spec.setTenant("other");
    assertThat(PipelineValidation.validate(NAMESPACE, spec, AGENTS))
        .extracting(PipelineProblem::field)
        .containsExactly("spec.tenant");
  }
}
