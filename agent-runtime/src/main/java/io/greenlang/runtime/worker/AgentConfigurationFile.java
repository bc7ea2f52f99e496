package io.greenlang.runtime.worker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the agent configuration the operator mounts ({@code agent.yaml}, the YAML form of {@link
 * AgentRuntimeConfiguration}, docs/runtime/agent-configuration.md).
 */
public final class AgentConfigurationFile {

  private static final ObjectMapper YAML =
      YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private AgentConfigurationFile() {}

  /**
   * The configuration in {@code file}.
   *
   * @throws IllegalStateException naming the file, and the field when one is missing or invalid
   */
  public static AgentRuntimeConfiguration read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "greenlang.agent.configuration-file: no agent configuration at " + file);
    }
    AgentRuntimeConfiguration configuration;
    try {
      configuration = YAML.readValue(file.toFile(), AgentRuntimeConfiguration.class);
    } catch (IOException e) {
      throw new IllegalStateException(
          "The agent configuration " + file + " is not readable: " + e.getMessage(), e);
    }
    if (configuration == null) {
      throw new IllegalStateException("The agent configuration " + file + " is empty");
    }
    requireField(configuration.getTenant(), "tenant", file);
    requireField(configuration.getAgent(), "agent", file);
    return configuration;
  }

  private static void requireField(String value, String field, Path file) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "The agent configuration " + file + " has no '" + field + "'");
    }
  }
}
