package io.greenlang.crds.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The most recent PipelineRun of a Pipeline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PipelineLastRun {
  @JsonPropertyDescription("Name of the PipelineRun.")
  private String name;

  @JsonPropertyDescription("Its Succeeded condition status: True, False or Unknown.")
  private String succeeded;

  @JsonPropertyDescription("When it completed (RFC 3339).")
  private String completionTime;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSucceeded() {
    return succeeded;
  }

  public void setSucceeded(String succeeded) {
    this.succeeded = succeeded;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }
}
