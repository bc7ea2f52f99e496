package io.greenlang.runtime.llm.budget;

import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.crds.tenant.BudgetAlerts;
import io.greenlang.crds.tenant.TenantBudget;
import io.greenlang.runtime.llm.cost.NanoDollars;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The tenant's cost controls as they apply to one agent (DOMAIN.md, "Cost controls"): the tenant's
 * monthly budget and the agent's own, alert thresholds (info, warning, throttle, hard stop), how
 * far past the budget calls may go, and the daily token quota. Amounts in nano-dollars.
 *
 * <p>Calls are admitted while the month's spend (including calls in flight) is below the ceiling:
 * the throttle threshold (100 %), or with overage allowed the throttle plus {@code
 * maxOveragePercent}, never past the hard stop (120 %). The agent's budget follows the tenant's
 * thresholds and overage settings.
 *
 * @param tenantBudget the tenant's monthly budget, if it has one
 * @param agentBudget the agent's monthly budget ({@code spec.monthlyBudgetUsd}), if it has one
 * @param alertPercents info, warning, throttle and hard stop, ascending
 * @param allowOverage whether calls may continue past the throttle threshold
 * @param maxOveragePercent how far past the throttle threshold, in percent of the budget
 * @param tokensPerDay the tenant's LLM tokens per UTC day, if limited
 */
public record BudgetPolicy(
    OptionalLong tenantBudget,
    OptionalLong agentBudget,
    List<Integer> alertPercents,
    boolean allowOverage,
    int maxOveragePercent,
    OptionalLong tokensPerDay) {

  /** Overage is billed at this factor (DOMAIN.md, "Cost controls"). */
  public static final BigDecimal OVERAGE_FACTOR = new BigDecimal("1.5");

  public BudgetPolicy {
    alertPercents = List.copyOf(alertPercents);
    if (alertPercents.size() != 4) {
      throw new IllegalArgumentException(
          "alert thresholds are info, warning, throttle and hard stop: " + alertPercents);
    }
  }

  /**
   * The policy of {@code configuration}.
   *
   * @throws IllegalArgumentException naming the field when an amount is not a decimal
   */
  public static BudgetPolicy of(AgentRuntimeConfiguration configuration) {
    TenantBudget tenant = configuration.getTenantBudget();
    BudgetAlerts alerts =
        tenant == null || tenant.getAlerts() == null ? new BudgetAlerts() : tenant.getAlerts();
    String agentLimit =
        configuration.getSpec() == null ? null : configuration.getSpec().getMonthlyBudgetUsd();
    Long tokens = configuration.getLlmTokensPerDay();
    return new BudgetPolicy(
        tenant == null
            ? OptionalLong.empty()
            : OptionalLong.of(nanos(tenant.getMonthlyLimitUsd(), "tenantBudget.monthlyLimitUsd")),
        agentLimit == null
            ? OptionalLong.empty()
            : OptionalLong.of(nanos(agentLimit, "spec.monthlyBudgetUsd")),
        List.of(
            Objects.requireNonNullElse(alerts.getInfo(), 50),
            Objects.requireNonNullElse(alerts.getWarning(), 80),
            Objects.requireNonNullElse(alerts.getThrottle(), 100),
            Objects.requireNonNullElse(alerts.getHardStop(), 120)),
        tenant != null && Boolean.TRUE.equals(tenant.getAllowOverage()),
        tenant == null ? 0 : Objects.requireNonNullElse(tenant.getMaxOveragePercent(), 0),
        tokens == null ? OptionalLong.empty() : OptionalLong.of(tokens));
  }

  public int throttlePercent() {
    return alertPercents.get(2);
  }

  public int hardStopPercent() {
    return alertPercents.get(3);
  }

  /** The percent of a budget past which calls are refused. */
  public int ceilingPercent() {
    int overage = allowOverage ? maxOveragePercent : 0;
    return Math.min(throttlePercent() + overage, hardStopPercent());
  }

  /** The spend (nano-dollars) past which calls are refused, for a budget of {@code budget}. */
  public long ceiling(long budget) {
    return percentOf(budget, ceilingPercent());
  }

  /** The four thresholds of a budget, ascending, each with the amount that reaches it. */
  public List<SpendLedger.Threshold> thresholds(long budget) {
    return alertPercents.stream()
        .map(p -> new SpendLedger.Threshold(p, percentOf(budget, p)))
        .toList();
  }

  /** Why a budget refuses calls at {@code current} (nano-dollars), for the refusal message. */
  public String refusalReason(long current, long budget) {
    if (current >= percentOf(budget, hardStopPercent())) {
      return "hard stop at " + hardStopPercent() + "%";
    }
    if (!allowOverage) {
      return "calls stop at "
          + throttlePercent()
          + "% (throttle) because the tenant does not allow overage";
    }
    return "overage is allowed up to "
        + ceilingPercent()
        + "% (throttle "
        + throttlePercent()
        + "% + maxOveragePercent "
        + maxOveragePercent
        + "%)";
  }

  /** {@code amount} as a percentage of {@code budget}, rounded down, for messages. */
  public static long percentage(long amount, long budget) {
    return budget == 0
        ? 100
        : BigDecimal.valueOf(amount)
            .multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(budget), 0, RoundingMode.DOWN)
            .longValue();
  }

  private static long percentOf(long budget, int percent) {
    return BigDecimal.valueOf(budget)
        .multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
        .longValueExact();
  }

  private static long nanos(String usd, String field) {
    if (usd == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    try {
      BigDecimal amount = new BigDecimal(usd);
      if (amount.signum() < 0) {
        throw new IllegalArgumentException(field + " must not be negative: " + usd);
      }
      return NanoDollars.roundedUp(amount);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(field + " is not a US dollar amount: " + usd, e);
    }
  }
}
