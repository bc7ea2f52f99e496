package io.greenlang.crds.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.greenlang.crds.common.GreenLangStatus;

/** Observed state of a Pipeline: conditions Valid and Ready. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PipelineStatus extends GreenLangStatus {
  public static final String VALID = "Valid";
  public static final String READY = "Ready";

  @JsonPropertyDescription("Pending, Valid or Invalid.")
  private PipelinePhase phase;

  @JsonPropertyDescription("Number of steps.")
  private Integer stepCount;

  @JsonPropertyDescription("The most recent run.")
  private PipelineLastRun lastRun;

  public PipelinePhase getPhase() {
    return phase;
  }

  public void setPhase(PipelinePhase phase) {
    this.phase = phase;
  }

  public Integer getStepCount() {
    return stepCount;
  }

  public void setStepCount(Integer stepCount) {
    this.stepCount = stepCount;
  }

  public PipelineLastRun getLastRun() {
    return lastRun;
  }

  public void setLastRun(PipelineLastRun lastRun) {
    this.lastRun = lastRun;
  }
}
