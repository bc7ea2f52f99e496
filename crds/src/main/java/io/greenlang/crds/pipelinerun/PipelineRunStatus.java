package io.greenlang.crds.pipelinerun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.greenlang.crds.common.GreenLangStatus;
import io.greenlang.crds.pipeline.PipelineSpec;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a run with a Tekton-style Succeeded condition (Unknown, True, False). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PipelineRunStatus extends GreenLangStatus {
  public static final String SUCCEEDED = "Succeeded";

  @JsonPropertyDescription("Phase of the run.")
  private RunPhase phase;

  @JsonPropertyDescription("Finished steps over all steps, such as 2/4.")
  private String progress;

  @JsonPropertyDescription("When the run started (RFC 3339).")
  private String startTime;

  @JsonPropertyDescription("When the run ended (RFC 3339).")
  private String completionTime;

  @JsonPropertyDescription("Per-step record.")
  private List<StepStatus> steps = new ArrayList<>();

  @JsonPropertyDescription("Root of the hash chain over the provenance of every step result.")
  private String provenanceRootHash;

  @JsonPropertyDescription("The Tenant the run belongs to.")
  private String tenant;

  @JsonPropertyDescription(
      "The Pipeline's spec as it was when the run was admitted; the run follows this copy.")
  private PipelineSpec pipelineSpec;

  @JsonPropertyDescription(
      "Why the run is stopping or stopped early: Failed, Cancelled or TimedOut.")
  private String stopReason;

  @JsonPropertyDescription("What made the run stop early.")
  private String stopMessage;

  public RunPhase getPhase() {
    return phase;
  }

  public void setPhase(RunPhase phase) {
    this.phase = phase;
  }

  public String getProgress() {
    return progress;
  }

  public void setProgress(String progress) {
    this.progress = progress;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

  public List<StepStatus> getSteps() {
    return steps;
  }

  public void setSteps(List<StepStatus> steps) {
    this.steps = steps;
  }

  public String getProvenanceRootHash() {
    return provenanceRootHash;
  }

  public void setProvenanceRootHash(String provenanceRootHash) {
    this.provenanceRootHash = provenanceRootHash;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public PipelineSpec getPipelineSpec() {
    return pipelineSpec;
  }

  public void setPipelineSpec(PipelineSpec pipelineSpec) {
    this.pipelineSpec = pipelineSpec;
  }

  public String getStopReason() {
    return stopReason;
  }

  public void setStopReason(String stopReason) {
    this.stopReason = stopReason;
  }

  public String getStopMessage() {
    return stopMessage;
  }

  public void setStopMessage(String stopMessage) {
    this.stopMessage = stopMessage;
  }
}
