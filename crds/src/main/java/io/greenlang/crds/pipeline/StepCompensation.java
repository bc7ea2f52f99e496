package io.greenlang.crds.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.greenlang.crds.common.Names;
import java.util.LinkedHashMap;
import java.util.Map;

/** The agent call that undoes a completed step (saga). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StepCompensation {
  @Required
  @Size(min = 1, max = Names.DNS_LABEL_MAX)
  @Pattern(Names.DNS_LABEL)
  @JsonPropertyDescription("Agent that runs the compensation.")
  private String agent;

  @Size(min = 1, max = 128)
  @Pattern("^[a-z][a-z0-9_.-]*$")
  @JsonPropertyDescription("Tool of that agent.")
  private String tool;

  @JsonPropertyDescription("Inputs; may reference the compensated step's outputs.")
  private Map<String, String> inputs = new LinkedHashMap<>();

  public String getAgent() {
    return agent;
  }

  public void setAgent(String agent) {
    this.agent = agent;
  }

  public String getTool() {
    return tool;
  }

  public void setTool(String tool) {
    this.tool = tool;
  }

  public Map<String, String> getInputs() {
    return inputs;
  }

  public void setInputs(Map<String, String> inputs) {
    this.inputs = inputs;
  }
}
