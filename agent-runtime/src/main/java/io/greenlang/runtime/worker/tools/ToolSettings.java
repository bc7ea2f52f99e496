package io.greenlang.runtime.worker.tools;

import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.ToolContext;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A tool's settings from the agent's {@code spec.tools[].config}, limited to the ones the tool
 * knows: a misspelt setting fails the step with reason {@code InvalidToolConfig} naming it, instead
 * of being ignored.
 */
public final class ToolSettings {

  /** A factor table id as the catalog has them. */
  public static final Pattern TABLE_ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");

  private final String tool;
  private final Map<String, String> config;

  private ToolSettings(String tool, Map<String, String> config) {
    this.tool = tool;
    this.config = config;
  }

  /**
   * The settings of {@code tool}.
   *
   * @throws StepFailure {@code InvalidToolConfig} when the agent sets one not in {@code known}
   */
  public static ToolSettings of(String tool, ToolContext context, Set<String> known) {
    Map<String, String> config = context.toolConfig() == null ? Map.of() : context.toolConfig();
    Set<String> unknown = new TreeSet<>(config.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new StepFailure(
          "InvalidToolConfig",
          "spec.tools["
              + tool
              + "].config."
              + unknown.iterator().next()
              + " is not a setting of "
              + tool
              + "; its settings are "
              + new TreeSet<>(known));
    }
    return new ToolSettings(tool, config);
  }

  /** The setting's name as the Agent spells it, for messages. */
  public String path(String name) {
    return "spec.tools[" + tool + "].config." + name;
  }

  public Optional<String> text(String name) {
    String value = config.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** A factor table id setting, checked for the catalog's id form. */
  public Optional<String> tableId(String name) {
    Optional<String> id = text(name);
    if (id.isPresent() && !TABLE_ID.matcher(id.get()).matches()) {
      throw invalid(name, "'" + id.get() + "' is not a factor table id (lower case, digits, . -)");
    }
    return id;
  }

  /** A setting that must be one of {@code choices} (compared ignoring case). */
  public Optional<String> choice(String name, Set<String> choices) {
    Optional<String> value = text(name).map(v -> v.toLowerCase(java.util.Locale.ROOT));
    if (value.isPresent() && !choices.contains(value.get())) {
      throw invalid(name, "'" + value.get() + "' is not one of " + new TreeSet<>(choices));
    }
    return value;
  }

  /** An {@code InvalidToolConfig} failure naming the setting. */
  public StepFailure invalid(String name, String problem) {
    return new StepFailure("InvalidToolConfig", path(name) + ": " + problem);
  }
}
