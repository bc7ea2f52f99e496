package io.greenlang.crds.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/** A deterministic tool the agent may call, with its settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentTool {
  @Required
  @Size(min = 1, max = 128)
  @Pattern("^[a-z][a-z0-9_.-]*$")
  @JsonPropertyDescription("Tool id, such as cbam.embedded_emissions.")
  private String name;

  @JsonPropertyDescription("Tool settings as strings, such as gwpSet: AR6.")
  private Map<String, String> config = new LinkedHashMap<>();

  public AgentTool() {}

  public AgentTool(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Map<String, String> getConfig() {
    return config;
  }

  public void setConfig(Map<String, String> config) {
    this.config = config;
  }
}
