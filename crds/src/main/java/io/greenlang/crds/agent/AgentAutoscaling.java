package io.greenlang.crds.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Horizontal autoscaling bounds of an Agent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.minReplicas <= self.maxReplicas",
    message = "spec.autoscaling.minReplicas must not exceed spec.autoscaling.maxReplicas",
    fieldPath = ".minReplicas")
public class AgentAutoscaling {
  @Min(1)
  @Max(100)
  @Default("1")
  @JsonPropertyDescription("Lower bound of replicas.")
  private Integer minReplicas = 1;

  @Required
  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Upper bound of replicas.")
  private Integer maxReplicas;

  @Min(1)
  @Max(100)
  @Default("75")
  @JsonPropertyDescription("Target average CPU utilisation in percent.")
  private Integer targetCpuUtilizationPercent = 75;

  public Integer getMinReplicas() {
    return minReplicas;
  }

  public void setMinReplicas(Integer minReplicas) {
    this.minReplicas = minReplicas;
  }

  public Integer getMaxReplicas() {
    return maxReplicas;
  }

  public void setMaxReplicas(Integer maxReplicas) {
    this.maxReplicas = maxReplicas;
  }

  public Integer getTargetCpuUtilizationPercent() {
    return targetCpuUtilizationPercent;
  }

  public void setTargetCpuUtilizationPercent(Integer targetCpuUtilizationPercent) {
    this.targetCpuUtilizationPercent = targetCpuUtilizationPercent;
  }
}
