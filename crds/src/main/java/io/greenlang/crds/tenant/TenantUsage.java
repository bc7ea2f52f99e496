package io.greenlang.crds.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.greenlang.crds.common.Names;

/** What a tenant currently uses against its quotas and budget. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantUsage {
  @JsonPropertyDescription("Number of Agents.")
  private Integer agents;

  @JsonPropertyDescription("LLM tokens used today (UTC).")
  private Long tokensToday;

  @Pattern(Names.USD_AMOUNT)
  @JsonPropertyDescription("LLM cost this month in US dollars, as a decimal string.")
  private String costThisMonthUsd;

  public Integer getAgents() {
    return agents;
  }

  public void setAgents(Integer agents) {
    this.agents = agents;
  }

  public Long getTokensToday() {
    return tokensToday;
  }

  public void setTokensToday(Long tokensToday) {
    this.tokensToday = tokensToday;
  }

  public String getCostThisMonthUsd() {
    return costThisMonthUsd;
  }

  public void setCostThisMonthUsd(String costThisMonthUsd) {
    this.costThisMonthUsd = costThisMonthUsd;
  }
}
