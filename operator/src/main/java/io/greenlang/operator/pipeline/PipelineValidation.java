package io.greenlang.operator.pipeline;

import io.greenlang.crds.pipeline.PipelineParam;
import io.greenlang.crds.pipeline.PipelineSpec;
import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipeline.StepCompensation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks what the schema cannot: the tenant, that every agent exists, that dependencies form no
 * cycle, that every {@code ${...}} reference is well formed and points at a declared parameter or
 * at a step upstream of the one reading it, and that every {@code when} compiles as CEL. Pure: the
 * caller supplies the names of the Agents the Pipeline may use.
 */
public final class PipelineValidation {
  private PipelineValidation() {}

  /** Every problem, in field order; empty when the Pipeline can run. */
  public static List<PipelineProblem> validate(
      String namespace, PipelineSpec spec, Set<String> agents) {
    List<PipelineProblem> problems = new ArrayList<>();
    PipelineTenant tenant = PipelineTenant.of(namespace, spec.getTenant());
    if (!tenant.isResolved()) {
      problems.add(tenant.problem());
    }
    StepGraph graph = new StepGraph(spec);
    Set<String> params =
        spec.getParams() == null
            ? Set.of()
            : spec.getParams().stream().map(PipelineParam::getName).collect(Collectors.toSet());
    for (int i = 0; i < graph.steps().size(); i++) {
      PipelineStep step = graph.steps().get(i);
      String field = "spec.steps[" + i + "]";
      if (!agents.contains(step.getAgent())) {
        problems.add(
            new PipelineProblem(
                PipelineProblem.UNKNOWN_AGENT,
                field + ".agent",
                unknownAgent(step.getAgent(), namespace)));
      }
      ReferenceScope scope =
          new ReferenceScope(step.getName(), params, graph, graph.upstreamOf(step.getName()));
      checkInputs(step.getInputs(), field + ".inputs", scope, problems);
      if (step.getWhen() != null) {
        checkWhen(step.getWhen(), field + ".when", scope, problems);
      }
      StepCompensation compensation = step.getCompensation();
      if (compensation != null) {
        if (!agents.contains(compensation.getAgent())) {
          problems.add(
              new PipelineProblem(
                  PipelineProblem.UNKNOWN_COMPENSATION_AGENT,
                  field + ".compensation.agent",
                  unknownAgent(compensation.getAgent(), namespace)));
        }
        checkInputs(
            compensation.getInputs(), field + ".compensation.inputs", scope.withSelf(), problems);
      }
    }
    graph
        .cycle()
        .ifPresent(
            cycle ->
                problems.add(
                    new PipelineProblem(
                        PipelineProblem.DEPENDENCY_CYCLE,
                        "spec.steps[" + graph.indexOf(cycle.get(0)) + "].dependsOn",
                        "steps depend on each other in a cycle: " + String.join(" → ", cycle))));
    return problems;
  }

  private static void checkInputs(
      Map<String, String> inputs, String field, ReferenceScope scope, List<PipelineProblem> out) {
    if (inputs == null) {
      return;
    }
    inputs.forEach(
        (name, value) -> {
          String inputField = field + "." + name;
          try {
            ReferenceText.parse(value == null ? "" : value)
                .references()
                .forEach(reference -> scope.check(reference, inputField, out));
          } catch (ReferenceText.MalformedReferenceException e) {
            out.add(
                new PipelineProblem(
                    PipelineProblem.MALFORMED_REFERENCE, inputField, e.getMessage()));
          }
        });
  }

  private static void checkWhen(
      String when, String field, ReferenceScope scope, List<PipelineProblem> out) {
    try {
      WhenCondition.compile(when).references().forEach(r -> scope.check(r, field, out));
    } catch (ReferenceText.MalformedReferenceException e) {
      out.add(new PipelineProblem(PipelineProblem.MALFORMED_REFERENCE, field, e.getMessage()));
    } catch (WhenCondition.InvalidConditionException e) {
      out.add(new PipelineProblem(PipelineProblem.INVALID_WHEN, field, e.getMessage()));
    }
  }

  private static String unknownAgent(String agent, String namespace) {
    return "Agent \"" + agent + "\" not found in namespace " + namespace + " for this tenant";
  }
}
