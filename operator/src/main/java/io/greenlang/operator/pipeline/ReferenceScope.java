package io.greenlang.operator.pipeline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one step's references may point at: the Pipeline's parameters, any input data (named by the
 * run), and the outputs of steps upstream of it; a compensation may also read its own step's
 * outputs.
 */
record ReferenceScope(String step, Set<String> params, StepGraph graph, Set<String> upstream) {

  /** The scope of the step's compensation, which runs after the step succeeded. */
  ReferenceScope withSelf() {
    Set<String> withSelf = new LinkedHashSet<>(upstream);
    withSelf.add(step);
    return new ReferenceScope(step, params, graph, withSelf);
  }

  void check(Reference reference, String field, List<PipelineProblem> out) {
    switch (reference.kind()) {
      case PARAM -> {
        if (!params.contains(reference.name())) {
          out.add(
              new PipelineProblem(
                  PipelineProblem.UNKNOWN_PARAM,
                  field,
                  reference.text()
                      + " names no parameter: declare \""
                      + reference.name()
                      + "\" in spec.params"));
        }
      }
      case INPUT -> {
        // Input data is named by each run (spec.inputs); the run checks it when it starts.
      }
      case STEP_OUTPUT -> checkStep(reference, field, out);
    }
  }

  private void checkStep(Reference reference, String field, List<PipelineProblem> out) {
    if (graph.indexOf(reference.name()) < 0) {
      out.add(
          new PipelineProblem(
              PipelineProblem.UNKNOWN_STEP,
              field,
              reference.text() + " names no step of this pipeline"));
    } else if (!upstream.contains(reference.name())) {
      out.add(new PipelineProblem(PipelineProblem.NOT_UPSTREAM, field, notUpstream(reference)));
    }
  }

  private String notUpstream(Reference reference) {
    String why =
        switch (graph.pattern()) {
          case ORCHESTRATION -> "add it to dependsOn (directly or through another step)";
          case PIPELINE -> "a step reads only steps listed before it";
          default ->
              "steps of pattern "
                  + graph.pattern()
                  + " run side by side and read only params and inputs";
        };
    return reference.text()
        + " reads step \""
        + reference.name()
        + "\", which does not run before step \""
        + step
        + "\": "
        + why;
  }
}
