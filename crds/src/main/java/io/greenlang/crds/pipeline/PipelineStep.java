package io.greenlang.crds.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.greenlang.crds.common.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step: an agent invocation with inputs, dependencies, a condition, retries and compensation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PipelineStep {
  @Required
  @Size(min = 1, max = Names.DNS_LABEL_MAX)
  @Pattern(Names.DNS_LABEL)
  @JsonPropertyDescription("Step name, unique in the pipeline.")
  private String name;

  @Required
  @Size(min = 1, max = Names.DNS_LABEL_MAX)
  @Pattern(Names.DNS_LABEL)
  @JsonPropertyDescription("Name of the Agent (same namespace) that runs the step.")
  private String agent;

  @Size(min = 1, max = 128)
  @Pattern("^[a-z][a-z0-9_.-]*$")
  @JsonPropertyDescription("Tool of the agent to invoke; defaults to the agent's first tool.")
  private String tool;

  @JsonPropertyDescription(
      "Inputs; values may reference ${params.NAME} and ${steps.STEP.outputs.KEY}.")
  private Map<String, String> inputs = new LinkedHashMap<>();

  @Size(max = 100)
  @JsonPropertyDescription("Steps that must succeed first (ORCHESTRATION only).")
  private List<@Pattern(Names.DNS_LABEL) String> dependsOn;

  @Size(max = 1024)
  @JsonPropertyDescription(
      "Condition over params and step outputs; the step is skipped when false.")
  private String when;

  @Min(0)
  @Max(10)
  @JsonPropertyDescription("Retries after a failed attempt, with exponential backoff.")
  private Integer retries;

  @Min(1)
  @Max(86400)
  @JsonPropertyDescription("Timeout of one attempt in seconds.")
  private Integer timeoutSeconds;

  @JsonPropertyDescription(
      "Step run, in reverse order, to undo this step when the run fails later.")
  private StepCompensation compensation;

  /** Dependencies, empty when none are declared. */
  public List<String> dependencies() {
    return dependsOn == null ? new ArrayList<>() : dependsOn;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

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

  public String getWhen() {
    return when;
  }

  public void setWhen(String when) {
    this.when = when;
  }

  public Integer getRetries() {
    return retries;
  }

  public void setRetries(Integer retries) {
    this.retries = retries;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public StepCompensation getCompensation() {
    return compensation;
  }

  public void setCompensation(StepCompensation compensation) {
    this.compensation = compensation;
  }

  public List<String> getDependsOn() {
    return dependsOn;
  }

  public void setDependsOn(List<String> dependsOn) {
    this.dependsOn = dependsOn;
  }
}
