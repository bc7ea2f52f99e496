package io.greenlang.runtime.llm.budget;

import io.greenlang.runtime.llm.FailureKind;
import io.greenlang.runtime.llm.RateLimit;
import io.greenlang.runtime.llm.budget.SpendLedger.Counter;
import io.greenlang.runtime.llm.budget.SpendLedger.Kind;
import io.greenlang.runtime.llm.budget.SpendLedger.Limit;
import io.greenlang.runtime.llm.budget.SpendLedger.WindowAdjustment;
import io.greenlang.runtime.llm.cost.NanoDollars;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Which limits one call attempt of an agent is admitted against and which totals it adds to: the
 * tenant's requests and tokens per minute, its tokens per day, the tenant's and the agent's monthly
 * budgets (request-wide: refused, the request stops) and the endpoint's requests and tokens per
 * minute (link-wide: the chain fails over). Periods are UTC months and days.
 */
public final class CallLimits {

  /** What an attempt may use at most: its reservation. */
  public record Estimate(long tokens, long costNanos) {}

  /** What an attempt did use. */
  public record Use(long tokens, long costNanos) {}

  static final long WINDOW_MILLIS = 60_000;
  private static final long MONTH_TTL_SECONDS = Duration.ofDays(62).toSeconds();
  private static final long DAY_TTL_SECONDS = Duration.ofDays(2).toSeconds();

  private final String tenant;
  private final String agent;
  private final BudgetPolicy policy;
  private final RateLimit tenantRate;
  private final Function<String, RateLimit> endpointRate;
  private final LedgerKeys keys;

  public CallLimits(
      String tenant,
      String agent,
      BudgetPolicy policy,
      RateLimit tenantRate,
      Function<String, RateLimit> endpointRate) {
    this.tenant = tenant;
    this.agent = agent;
    this.policy = policy;
    this.tenantRate = tenantRate;
    this.endpointRate = endpointRate;
    this.keys = new LedgerKeys(tenant);
  }

  public LedgerKeys keys() {
    return keys;
  }

  public BudgetPolicy policy() {
    return policy;
  }

  /** The limits of an attempt at {@code endpoint}, request-wide ones first. */
  public List<Limit> admission(String endpoint, Estimate estimate, Instant now) {
    List<Limit> limits = new ArrayList<>();
    windows(limits, "tenant", tenantRate, FailureKind.TENANT_RATE_LIMITED, estimate, now);
    LocalDate day = day(now);
    limits.add(
        new Limit(
            Kind.TOTAL,
            FailureKind.TOKEN_QUOTA_EXHAUSTED,
            current ->
                "the LLM tokens of tenant "
                    + tenant
                    + " for "
                    + day
                    + " (UTC) are used up: "
                    + current
                    + " of "
                    + policy.tokensPerDay().orElse(0)
                    + " including calls in flight",
            keys.dayTokensUsed(day),
            keys.dayTokensReserved(day),
            policy.tokensPerDay().orElse(-1),
            estimate.tokens(),
            DAY_TTL_SECONDS));
    YearMonth month = month(now);
    limits.add(
        budgetLimit(
            "tenant " + tenant,
            keys.monthSpent(month),
            keys.monthReserved(month),
            policy.tenantBudget().orElse(-1),
            estimate));
    limits.add(
        budgetLimit(
            "agent " + agent,
            keys.agentMonthSpent(month, agent),
            keys.agentMonthReserved(month, agent),
            policy.agentBudget().orElse(-1),
            estimate));
    windows(
        limits,
        "endpoint:" + endpoint,
        endpointRate.apply(endpoint),
        FailureKind.ENDPOINT_RATE_LIMITED,
        estimate,
        now);
    return limits;
  }

  /** The totals a settled attempt adds to: tenant and agent spend, the day's tokens. */
  public List<Counter> counters(Use use, Instant now) {
    YearMonth month = month(now);
    long tenantBudget = policy.tenantBudget().orElse(-1);
    long agentBudget = policy.agentBudget().orElse(-1);
    return List.of(
        new Counter(
            keys.monthSpent(month),
            use.costNanos(),
            MONTH_TTL_SECONDS,
            tenantBudget,
            "tenant",
            tenantBudget < 0 ? List.of() : policy.thresholds(tenantBudget)),
        new Counter(
            keys.agentMonthSpent(month, agent),
            use.costNanos(),
            MONTH_TTL_SECONDS,
            agentBudget,
            "agent:" + agent,
            agentBudget < 0 ? List.of() : policy.thresholds(agentBudget)),
        new Counter(
            keys.dayTokensUsed(day(now)), use.tokens(), DAY_TTL_SECONDS, -1, "tokens", List.of()));
  }

  /** Corrects the token windows by what the attempt used beyond (or below) its estimate. */
  public List<WindowAdjustment> adjustments(String endpoint, long tokenDelta, Instant now) {
    List<WindowAdjustment> adjustments = new ArrayList<>();
    long minute = now.toEpochMilli() / WINDOW_MILLIS;
    if (tokenDelta != 0 && tenantRate.limitsTokens()) {
      adjustments.add(
          new WindowAdjustment(
              keys.window("tenant", "tokens", minute), tokenDelta, 2 * WINDOW_MILLIS));
    }
    if (tokenDelta != 0 && endpointRate.apply(endpoint).limitsTokens()) {
      adjustments.add(
          new WindowAdjustment(
              keys.window("endpoint:" + endpoint, "tokens", minute),
              tokenDelta,
              2 * WINDOW_MILLIS));
    }
    return adjustments;
  }

  /** The budget period of {@code now}, such as {@code 2026-11}. */
  public static YearMonth month(Instant now) {
    return YearMonth.from(now.atOffset(ZoneOffset.UTC));
  }

  public static LocalDate day(Instant now) {
    return now.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /** How long until the current rate window ends: when a refused rate limit may pass again. */
  public static Duration untilNextWindow(Instant now) {
    return Duration.ofMillis(WINDOW_MILLIS - now.toEpochMilli() % WINDOW_MILLIS);
  }

  private Limit budgetLimit(
      String owner, String spentKey, String reservedKey, long budget, Estimate estimate) {
    return new Limit(
        Kind.TOTAL,
        FailureKind.BUDGET_EXHAUSTED,
        current ->
            "the monthly LLM budget of "
                + owner
                + " ($"
                + NanoDollars.toUsd(budget).stripTrailingZeros().toPlainString()
                + ") is spent to "
                + BudgetPolicy.percentage(current, budget)
                + "% ($"
                + NanoDollars.toUsd(current).stripTrailingZeros().toPlainString()
                + " including calls in flight): "
                + policy.refusalReason(current, budget),
        spentKey,
        reservedKey,
        budget < 0 ? -1 : policy.ceiling(budget),
        estimate.costNanos(),
        MONTH_TTL_SECONDS);
  }

  private void windows(
      List<Limit> limits,
      String scope,
      RateLimit rate,
      FailureKind refusal,
      Estimate estimate,
      Instant now) {
    long minute = now.toEpochMilli() / WINDOW_MILLIS;
    if (rate.limitsRequests()) {
      limits.add(
          new Limit(
              Kind.WINDOW,
              refusal,
              current ->
                  "the LLM rate limit of "
                      + describe(scope)
                      + " ("
                      + rate.requestsPerMinute()
                      + " requests per minute) is reached",
              keys.window(scope, "requests", minute),
              keys.window(scope, "requests", minute - 1),
              rate.requestsPerMinute(),
              1,
              WINDOW_MILLIS));
    }
    if (rate.limitsTokens()) {
      limits.add(
          new Limit(
              Kind.WINDOW,
              refusal,
              current ->
                  "the LLM rate limit of "
                      + describe(scope)
                      + " ("
                      + rate.tokensPerMinute()
                      + " tokens per minute) is reached: "
                      + current
                      + " counted",
              keys.window(scope, "tokens", minute),
              keys.window(scope, "tokens", minute - 1),
              rate.tokensPerMinute(),
              estimate.tokens(),
              WINDOW_MILLIS));
    }
  }

  private String describe(String scope) {
    return scope.equals("tenant") ? "tenant " + tenant : scope.replace("endpoint:", "endpoint ");
  }
}
