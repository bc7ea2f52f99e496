package io.greenlang.crds.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.greenlang.crds.common.Names;
import java.util.ArrayList;
import java.util.List;

/** Desired state of a Pipeline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.pattern != 'SINGLE' || size(self.steps) == 1",
    message = "spec.steps must hold exactly one step for pattern SINGLE",
    fieldPath = ".steps")
@ValidationRule(
    value =
        "self.pattern == 'ORCHESTRATION' || self.steps.all(s, !has(s.dependsOn) && !has(s.when))",
    message = "spec.steps[].dependsOn and when are only allowed for pattern ORCHESTRATION",
    fieldPath = ".steps")
public class PipelineSpec {
  @Size(min = 1, max = Names.TENANT_NAME_MAX)
  @Pattern(Names.TENANT_NAME)
  @ValidationRule(value = "self == oldSelf", message = "spec.tenant is immutable")
  @JsonPropertyDescription("Owning Tenant; required in the shared namespace.")
  private String tenant;

  @Size(max = 1024)
  @JsonPropertyDescription("What the pipeline does.")
  private String description;

  @Required
  @JsonPropertyDescription("SINGLE, PIPELINE, PARALLEL or ORCHESTRATION.")
  private WorkflowPattern pattern;

  @Size(max = 50)
  @ValidationRule(
      value = "self.all(p, self.exists_one(o, o.name == p.name))",
      message = "spec.params names must be unique")
  @JsonPropertyDescription("Parameters a run supplies, referenced as ${params.NAME}.")
  private List<PipelineParam> params = new ArrayList<>();

  @Required
  @Size(min = 1, max = 100)
  @ValidationRule(
      value = "self.all(s, self.exists_one(o, o.name == s.name))",
      message = "spec.steps names must be unique")
  @ValidationRule(
      value = "self.all(s, !has(s.dependsOn) || s.dependsOn.all(d, self.exists(o, o.name == d)))",
      message = "spec.steps[].dependsOn must name steps of this pipeline")
  @ValidationRule(
      value = "self.all(s, !has(s.dependsOn) || !(s.name in s.dependsOn))",
      message = "spec.steps[].dependsOn must not name the step itself")
  @JsonPropertyDescription("The steps.")
  private List<PipelineStep> steps = new ArrayList<>();

  @Default("Allow")
  @JsonPropertyDescription("Allow, Forbid (queue) or Replace overlapping runs.")
  private ConcurrencyPolicy concurrencyPolicy = ConcurrencyPolicy.Allow;

  @Min(1)
  @Max(604800)
  @Default("3600")
  @JsonPropertyDescription("Timeout of a whole run in seconds.")
  private Integer timeoutSeconds = 3600;

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public WorkflowPattern getPattern() {
    return pattern;
  }

  public void setPattern(WorkflowPattern pattern) {
    this.pattern = pattern;
  }

  public List<PipelineParam> getParams() {
    return params;
  }

  public void setParams(List<PipelineParam> params) {
    this.params = params;
  }

  public List<PipelineStep> getSteps() {
    return steps;
  }

  public void setSteps(List<PipelineStep> steps) {
    this.steps = steps;
  }

  public ConcurrencyPolicy getConcurrencyPolicy() {
    return concurrencyPolicy;
  }

  public void setConcurrencyPolicy(ConcurrencyPolicy concurrencyPolicy) {
    this.concurrencyPolicy = concurrencyPolicy;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }
}
