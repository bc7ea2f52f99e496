package io.greenlang.crds.tenant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.greenlang.crds.common.Names;
import java.math.BigDecimal;

/** Monthly LLM spending limit of a tenant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.maxOveragePercent <= 20 || self.overageApproved",
    message = "spec.budget.maxOveragePercent above 20 needs spec.budget.overageApproved: true",
    fieldPath = ".maxOveragePercent")
@ValidationRule(
    value = "self.allowOverage || self.maxOveragePercent == 0",
    message = "spec.budget.maxOveragePercent needs spec.budget.allowOverage: true",
    fieldPath = ".maxOveragePercent")
public class TenantBudget {
  @Required
  @Pattern(Names.USD_AMOUNT)
  @JsonPropertyDescription("Monthly limit in US dollars, as a decimal string such as \"5000.00\".")
  private String monthlyLimitUsd;

  @JsonPropertyDescription("Alert thresholds in percent of the limit.")
  private BudgetAlerts alerts = new BudgetAlerts();

  @Default("false")
  @JsonPropertyDescription("Allow calls past 100% (billed at 1.5x) up to maxOveragePercent.")
  private Boolean allowOverage = false;

  @Min(0)
  @Max(50)
  @Default("0")
  @JsonPropertyDescription("How far past the limit overage may go, in percent (at most 50).")
  private Integer maxOveragePercent = 0;

  @Default("false")
  @JsonPropertyDescription("Approval for overage above 20%.")
  private Boolean overageApproved = false;

  /** The monthly limit as an exact decimal. */
  @JsonIgnore
  public BigDecimal monthlyLimit() {
    return new BigDecimal(monthlyLimitUsd);
  }

  public String getMonthlyLimitUsd() {
    return monthlyLimitUsd;
  }

  public void setMonthlyLimitUsd(String monthlyLimitUsd) {
    this.monthlyLimitUsd = monthlyLimitUsd;
  }

  public BudgetAlerts getAlerts() {
    return alerts;
  }

  public void setAlerts(BudgetAlerts alerts) {
    this.alerts = alerts;
  }

  public Boolean getAllowOverage() {
    return allowOverage;
  }

  public void setAllowOverage(Boolean allowOverage) {
    this.allowOverage = allowOverage;
  }

  public Integer getMaxOveragePercent() {
    return maxOveragePercent;
  }

  public void setMaxOveragePercent(Integer maxOveragePercent) {
    this.maxOveragePercent = maxOveragePercent;
  }

  public Boolean getOverageApproved() {
    return overageApproved;
  }

  public void setOverageApproved(Boolean overageApproved) {
    this.overageApproved = overageApproved;
  }
}
