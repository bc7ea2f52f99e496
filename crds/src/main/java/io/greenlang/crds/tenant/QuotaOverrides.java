package io.greenlang.crds.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Per-tenant overrides of the tier's default quotas; an absent field keeps the tier default. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QuotaOverrides {
  @Min(0)
  @Max(50000)
  @JsonPropertyDescription("Maximum number of Agents.")
  private Integer agents;

  @Min(0)
  @Max(10000)
  @JsonPropertyDescription("Maximum number of members.")
  private Integer users;

  @Min(0)
  @Max(1000000)
  @JsonPropertyDescription("API calls per minute.")
  private Integer apiCallsPerMinute;

  @Min(0)
  @Max(1000000)
  @JsonPropertyDescription("Storage in GB.")
  private Integer storageGb;

  @Min(0)
  @Max(1000000000000L)
  @JsonPropertyDescription("LLM tokens per day.")
  private Long llmTokensPerDay;

  @Min(0)
  @Max(10000)
  @JsonPropertyDescription("PipelineRuns running at once; more wait in a queue.")
  private Integer concurrentRuns;

  @Min(1)
  @Max(36500)
  @JsonPropertyDescription("Days tenant data is kept (audit logs are always kept 7 years).")
  private Integer retentionDays;

  public Integer getAgents() {
    return agents;
  }

  public void setAgents(Integer agents) {
    this.agents = agents;
  }

  public Integer getUsers() {
    return users;
  }

  public void setUsers(Integer users) {
    this.users = users;
  }

  public Integer getApiCallsPerMinute() {
    return apiCallsPerMinute;
  }

  public void setApiCallsPerMinute(Integer apiCallsPerMinute) {
    this.apiCallsPerMinute = apiCallsPerMinute;
  }

  public Integer getStorageGb() {
    return storageGb;
  }

  public void setStorageGb(Integer storageGb) {
    this.storageGb = storageGb;
  }

  public Long getLlmTokensPerDay() {
    return llmTokensPerDay;
  }

  public void setLlmTokensPerDay(Long llmTokensPerDay) {
    this.llmTokensPerDay = llmTokensPerDay;
  }

  public Integer getConcurrentRuns() {
    return concurrentRuns;
  }

  public void setConcurrentRuns(Integer concurrentRuns) {
    this.concurrentRuns = concurrentRuns;
  }

  public Integer getRetentionDays() {
    return retentionDays;
  }

  public void setRetentionDays(Integer retentionDays) {
    this.retentionDays = retentionDays;
  }
}
