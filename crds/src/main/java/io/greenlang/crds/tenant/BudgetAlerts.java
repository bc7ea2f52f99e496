package io.greenlang.crds.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Budget thresholds in percent of the monthly limit (DOMAIN.md, "Cost controls"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "self.info < self.warning && self.warning < self.throttle && self.throttle < self.hardStop",
    message = "spec.budget.alerts thresholds must ascend: info < warning < throttle < hardStop")
public class BudgetAlerts {
  @Min(1)
  @Max(1000)
  @Default("50")
  @JsonPropertyDescription("Informational alert.")
  private Integer info = 50;

  @Min(1)
  @Max(1000)
  @Default("80")
  @JsonPropertyDescription("Warning alert.")
  private Integer warning = 80;

  @Min(1)
  @Max(1000)
  @Default("100")
  @JsonPropertyDescription("LLM calls refused unless overage is allowed.")
  private Integer throttle = 100;

  @Min(1)
  @Max(1000)
  @Default("120")
  @JsonPropertyDescription("Hard stop: every LLM call refused.")
  private Integer hardStop = 120;

  public Integer getInfo() {
    return info;
  }

  public void setInfo(Integer info) {
    this.info = info;
  }

  public Integer getWarning() {
    return warning;
  }

  public void setWarning(Integer warning) {
    this.warning = warning;
  }

  public Integer getThrottle() {
    return throttle;
  }

  public void setThrottle(Integer throttle) {
    this.throttle = throttle;
  }

  public Integer getHardStop() {
    return hardStop;
  }

  public void setHardStop(Integer hardStop) {
    this.hardStop = hardStop;
  }
}
