package io.greenlang.crds.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Memory limits: short-term in Redis, long-term in PostgreSQL. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentMemory {
  @Min(1)
  @Max(604800)
  @Default("3600")
  @JsonPropertyDescription("Short-term memory time to live in seconds.")
  private Integer shortTermTtlSeconds = 3600;

  @Min(0)
  @Max(100000)
  @Default("100")
  @JsonPropertyDescription("Short-term entries kept per conversation.")
  private Integer shortTermMaxEntries = 100;

  @Default("true")
  @JsonPropertyDescription("Keep long-term (episodic) memory in PostgreSQL.")
  private Boolean longTermEnabled = true;

  @Min(1)
  @Max(3650)
  @Default("90")
  @JsonPropertyDescription("Days long-term memory is kept.")
  private Integer longTermRetentionDays = 90;

  @Min(0)
  @Max(10000000)
  @Default("10000")
  @JsonPropertyDescription("Long-term entries kept per agent; the oldest are pruned.")
  private Integer longTermMaxEntries = 10000;

  public Integer getShortTermTtlSeconds() {
    return shortTermTtlSeconds;
  }

  public void setShortTermTtlSeconds(Integer shortTermTtlSeconds) {
    this.shortTermTtlSeconds = shortTermTtlSeconds;
  }

  public Integer getShortTermMaxEntries() {
    return shortTermMaxEntries;
  }

  public void setShortTermMaxEntries(Integer shortTermMaxEntries) {
    this.shortTermMaxEntries = shortTermMaxEntries;
  }

  public Boolean getLongTermEnabled() {
    return longTermEnabled;
  }

  public void setLongTermEnabled(Boolean longTermEnabled) {
    this.longTermEnabled = longTermEnabled;
  }

  public Integer getLongTermRetentionDays() {
    return longTermRetentionDays;
  }

  public void setLongTermRetentionDays(Integer longTermRetentionDays) {
    this.longTermRetentionDays = longTermRetentionDays;
  }

  public Integer getLongTermMaxEntries() {
    return longTermMaxEntries;
  }

  public void setLongTermMaxEntries(Integer longTermMaxEntries) {
    this.longTermMaxEntries = longTermMaxEntries;
  }
}
