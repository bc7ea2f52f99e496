package io.greenlang.crds.pipelinerun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What happened to one step of a run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StepStatus {
  @JsonPropertyDescription("Step name.")
  private String name;

  @JsonPropertyDescription("Phase of the step.")
  private RunPhase phase;

  @JsonPropertyDescription("Attempts made so far.")
  private Integer attempts;

  @JsonPropertyDescription("When the first attempt started (RFC 3339).")
  private String startTime;

  @JsonPropertyDescription("When the step ended (RFC 3339).")
  private String completionTime;

  @JsonPropertyDescription("SHA-256 of the step's canonical output.")
  private String outputHash;

  @JsonPropertyDescription("LLM tokens the step used.")
  private Long tokens;

  @JsonPropertyDescription("LLM cost of the step in US dollars, as a decimal string.")
  private String costUsd;

  @JsonPropertyDescription("Why the step failed or was skipped.")
  private String message;

  @JsonPropertyDescription("CamelCase reason of the step's last failure, skip or timeout.")
  private String reason;

  @JsonPropertyDescription(
      "Hash of the succeeded result's provenance record, chained into provenanceRootHash.")
  private String provenanceHash;

  @JsonPropertyDescription(
      "When the attempt (or compensation attempt) awaiting its result was published (RFC 3339).")
  private String dispatchTime;

  @JsonPropertyDescription("When the operator stops waiting for that attempt (RFC 3339).")
  private String deadline;

  @JsonPropertyDescription("When the next attempt after a failure may be published (RFC 3339).")
  private String nextAttemptTime;

  @JsonPropertyDescription("Attempts of the step's compensation made so far.")
  private Integer compensationAttempts;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public RunPhase getPhase() {
    return phase;
  }

  public void setPhase(RunPhase phase) {
    this.phase = phase;
  }

  public Integer getAttempts() {
    return attempts;
  }

  public void setAttempts(Integer attempts) {
    this.attempts = attempts;
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

  public String getOutputHash() {
    return outputHash;
  }

  public void setOutputHash(String outputHash) {
    this.outputHash = outputHash;
  }

  public Long getTokens() {
    return tokens;
  }

  public void setTokens(Long tokens) {
    this.tokens = tokens;
  }

  public String getCostUsd() {
    return costUsd;
  }

  public void setCostUsd(String costUsd) {
    this.costUsd = costUsd;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getProvenanceHash() {
    return provenanceHash;
  }

  public void setProvenanceHash(String provenanceHash) {
    this.provenanceHash = provenanceHash;
  }

  public String getDispatchTime() {
    return dispatchTime;
  }

  public void setDispatchTime(String dispatchTime) {
    this.dispatchTime = dispatchTime;
  }

  public String getDeadline() {
    return deadline;
  }

  public void setDeadline(String deadline) {
    this.deadline = deadline;
  }

  public String getNextAttemptTime() {
    return nextAttemptTime;
  }

  public void setNextAttemptTime(String nextAttemptTime) {
    this.nextAttemptTime = nextAttemptTime;
  }

  public Integer getCompensationAttempts() {
    return compensationAttempts;
  }

  public void setCompensationAttempts(Integer compensationAttempts) {
    this.compensationAttempts = compensationAttempts;
  }
}
