package io.greenlang.runtime.worker;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Every {@link AgentTool} the runtime has, by name. */
public final class ToolRegistry {

  private final Map<String, AgentTool> byName;

  /**
   * @throws IllegalStateException when two tools have the same name
   */
  public ToolRegistry(Iterable<? extends AgentTool> tools) {
    Map<String, AgentTool> found = new TreeMap<>();
    for (AgentTool tool : tools) {
      AgentTool previous = found.putIfAbsent(tool.name(), tool);
      if (previous != null) {
        throw new IllegalStateException(
            "Two tools are named "
                + tool.name()
                + ": "
                + previous.getClass().getName()
                + " and "
                + tool.getClass().getName());
      }
    }
    this.byName = Collections.unmodifiableMap(found);
  }

  /** The tool named {@code name}. */
  public Optional<AgentTool> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The names of all tools, sorted. */
  public Set<String> names() {
    return byName.keySet();
  }
}
