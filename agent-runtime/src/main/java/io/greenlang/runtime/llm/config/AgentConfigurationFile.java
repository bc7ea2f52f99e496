package io.greenlang.runtime.llm.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the {@code agent.yaml} the operator renders (docs/runtime/agent-configuration.md). Fields
 * the runtime does not know are ignored, so an operator newer than the runtime can add some.
 */
public final class AgentConfigurationFile {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private AgentConfigurationFile() {}

  /**
   * The configuration in {@code file}.
   *
   * @throws IllegalArgumentException naming the file (and the field, for a malformed value)
   */
  public static AgentRuntimeConfiguration read(Path file) {
    try {
      AgentRuntimeConfiguration configuration =
          YAML.readValue(Files.readString(file), AgentRuntimeConfiguration.class);
      if (configuration == null) {
        throw new IllegalArgumentException(
            "greenlang.agent.configuration-file " + file + " is empty");
      }
      return configuration;
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException(
          "greenlang.agent.configuration-file "
              + file
              + ": "
              + e.getOriginalMessage()
              + " at "
              + e.getPathReference(),
          e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "greenlang.agent.configuration-file " + file + " cannot be read: " + e.getMessage(), e);
    }
  }
}
