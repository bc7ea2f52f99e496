package io.greenlang.runtime.llm.chain;

import io.greenlang.runtime.llm.budget.BudgetPolicy;
import io.greenlang.runtime.llm.budget.CallLimits;
import io.greenlang.runtime.llm.budget.SpendLedger;
import io.greenlang.runtime.llm.cost.NanoDollars;
import io.greenlang.runtime.llm.metrics.LlmMetrics;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import org.jboss.logging.Logger;

/**
 * Makes a settlement visible: budget gauges, and for each threshold reached for the first time this
 * month a log line and a metric (the alert record itself is on the tenant's {@code
 * t:<tenant>:llm:budget-alerts} stream, written atomically by the settlement).
 */
final class BudgetNotices {

  /** What overage costs on top of its list price: billed at 1.5x (DOMAIN.md, "Cost controls"). */
  static final BigDecimal OVERAGE_SURCHARGE = BudgetPolicy.OVERAGE_FACTOR.subtract(BigDecimal.ONE);

  private static final Logger LOG = Logger.getLogger(BudgetNotices.class);

  private BudgetNotices() {}

  static void report(
      SpendLedger.Settlement settlement,
      CallLimits limits,
      AgentLlmChain chain,
      LlmMetrics metrics) {
    BudgetPolicy policy = limits.policy();
    long tenantBudget = policy.tenantBudget().orElse(-1);
    long agentBudget = policy.agentBudget().orElse(-1);
    metrics.budget("tenant", settlement.totals().get(0), tenantBudget);
    metrics.budget("agent:" + chain.agent(), settlement.totals().get(1), agentBudget);
    for (SpendLedger.ReachedThreshold reached : settlement.reached()) {
      long budget = reached.scope().equals("tenant") ? tenantBudget : agentBudget;
      metrics.budgetAlert(reached.scope(), reached.percent());
      String line =
          String.format(
              "event=budget.threshold_crossed tenant=%s scope=%s threshold=%d%% spent_usd=%s"
                  + " budget_usd=%s severity=%s",
              chain.tenant(),
              reached.scope(),
              reached.percent(),
              NanoDollars.toUsd(reached.total()).stripTrailingZeros().toPlainString(),
              NanoDollars.toUsd(budget).stripTrailingZeros().toPlainString(),
              severity(policy, reached.percent()));
      if (reached.percent() >= policy.alertPercents().get(1)) {
        LOG.warn(line);
      } else {
        LOG.info(line);
      }
    }
  }

  /**
   * Sets the budget gauges from the month's spend in Redis when the gateway starts, so a freshly
   * started agent reports its tenant's spend against budget before its first call. Redis not
   * answering only delays the gauges until the first settlement.
   */
  static void reportAtStart(
      SpendLedger ledger, CallLimits limits, AgentLlmChain chain, LlmMetrics metrics, Clock clock) {
    BudgetPolicy policy = limits.policy();
    YearMonth month = CallLimits.month(clock.instant());
    try {
      long tenantSpent = ledger.read(limits.keys().monthSpent(month));
      long agentSpent = ledger.read(limits.keys().agentMonthSpent(month, chain.agent()));
      metrics.budget("tenant", tenantSpent, policy.tenantBudget().orElse(-1));
      metrics.budget("agent:" + chain.agent(), agentSpent, policy.agentBudget().orElse(-1));
    } catch (RuntimeException e) {
      LOG.warnf(
          "Could not read the month's LLM spend of tenant %s from Redis (%s); the budget gauges"
              + " appear with the first settled call",
          chain.tenant(), e.toString());
    }
  }

  static void settleFailed(AgentLlmChain chain, String reservation, RuntimeException error) {
    LOG.errorf(
        "Could not settle LLM call %s of tenant %s in Redis (%s); its reservation is released when"
            + " it expires, and its cost is in greenlang.llm_usage",
        reservation, chain.tenant(), error.toString());
  }

  private static String severity(BudgetPolicy policy, int percent) {
    if (percent >= policy.hardStopPercent()) {
      return "hard_stop";
    }
    if (percent >= policy.throttlePercent()) {
      return "throttle";
    }
    return percent >= policy.alertPercents().get(1) ? "warning" : "info";
  }
}
