package io.greenlang.crds.pipelinerun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Desired state of a PipelineRun: which pipeline, with which params and inputs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PipelineRunSpec {
  @Required
  @ValidationRule(value = "self == oldSelf", message = "spec.pipelineRef is immutable")
  @JsonPropertyDescription("The Pipeline to run.")
  private PipelineReference pipelineRef;

  @ValidationRule(value = "self == oldSelf", message = "spec.params is immutable")
  @JsonPropertyDescription("Parameter values by name.")
  private Map<String, String> params = new LinkedHashMap<>();

  @Size(max = 20)
  @ValidationRule(
      value = "self.all(i, self.exists_one(o, o.name == i.name))",
      message = "spec.inputs names must be unique")
  @ValidationRule(value = "self == oldSelf", message = "spec.inputs is immutable")
  @JsonPropertyDescription("Input data the steps read.")
  private List<InputDataReference> inputs = new ArrayList<>();

  @Min(1)
  @Max(604800)
  @JsonPropertyDescription("Timeout of the run in seconds; defaults to the Pipeline's.")
  private Integer timeoutSeconds;

  @Default("false")
  @ValidationRule(value = "self || !oldSelf", message = "spec.cancelled cannot be undone")
  @JsonPropertyDescription("Set to true to cancel the run; completed steps are compensated.")
  private Boolean cancelled = false;

  public PipelineReference getPipelineRef() {
    return pipelineRef;
  }

  public void setPipelineRef(PipelineReference pipelineRef) {
    this.pipelineRef = pipelineRef;
  }

  public Map<String, String> getParams() {
    return params;
  }

  public void setParams(Map<String, String> params) {
    this.params = params;
  }

  public List<InputDataReference> getInputs() {
    return inputs;
  }

  public void setInputs(List<InputDataReference> inputs) {
    this.inputs = inputs;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public Boolean getCancelled() {
    return cancelled;
  }

  public void setCancelled(Boolean cancelled) {
    this.cancelled = cancelled;
  }
}
