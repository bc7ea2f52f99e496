package io.greenlang.operator.pipeline;

import io.greenlang.crds.pipeline.PipelineSpec;
import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipeline.WorkflowPattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of a Pipeline as a graph: which steps come before which, by pattern. In ORCHESTRATION a
 * step's upstream is everything it depends on, transitively; in PIPELINE every earlier step; in
 * PARALLEL and SINGLE nothing. A step may read outputs of its upstream steps only.
 */
public final class StepGraph {
  private final WorkflowPattern pattern;
  private final List<PipelineStep> steps;
  private final Map<String, Integer> index = new LinkedHashMap<>();

  public StepGraph(PipelineSpec spec) {
    this.pattern = spec.getPattern();
    this.steps = spec.getSteps() == null ? List.of() : spec.getSteps();
    for (int i = 0; i < steps.size(); i++) {
      index.putIfAbsent(steps.get(i).getName(), i);
    }
  }

  public WorkflowPattern pattern() {
    return pattern;
  }

  public List<PipelineStep> steps() {
    return steps;
  }

  public Optional<PipelineStep> step(String name) {
    Integer i = index.get(name);
    return i == null ? Optional.empty() : Optional.of(steps.get(i));
  }

  /** Position of the step in the Pipeline's list, or -1. */
  public int indexOf(String name) {
    return index.getOrDefault(name, -1);
  }

  /** The steps whose outputs {@code step} may read. */
  public Set<String> upstreamOf(String step) {
    Set<String> upstream = new LinkedHashSet<>();
    int position = indexOf(step);
    if (position < 0) {
      return upstream;
    }
    switch (pattern) {
      case PIPELINE -> steps.subList(0, position).forEach(s -> upstream.add(s.getName()));
      case ORCHESTRATION -> collectDependencies(step, upstream);
      default -> {
        // PARALLEL and SINGLE steps run side by side: none reads another's outputs.
      }
    }
    return upstream;
  }

  private void collectDependencies(String step, Set<String> into) {
    step(step)
        .ifPresent(
            s -> {
              for (String dependency : s.dependencies()) {
                if (index.containsKey(dependency) && into.add(dependency)) {
                  collectDependencies(dependency, into);
                }
              }
            });
  }

  /** A dependency cycle as step names (first repeated at the end), if there is one. */
  public Optional<List<String>> cycle() {
    Map<String, Integer> state = new HashMap<>();
    for (PipelineStep step : steps) {
      List<String> path = new ArrayList<>();
      Optional<List<String>> found = visit(step.getName(), state, path);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Depth-first search; state 1 = on the current path, 2 = done. */
  private Optional<List<String>> visit(String name, Map<String, Integer> state, List<String> path) {
    Integer seen = state.get(name);
    if (seen != null && seen == 2) {
      return Optional.empty();
    }
    if (seen != null) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      cycle.add(name);
      return Optional.of(cycle);
    }
    state.put(name, 1);
    path.add(name);
    for (String dependency : step(name).map(PipelineStep::dependencies).orElse(List.of())) {
      if (index.containsKey(dependency)) {
        Optional<List<String>> found = visit(dependency, state, path);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    path.remove(path.size() - 1);
    state.put(name, 2);
    return Optional.empty();
  }
}
