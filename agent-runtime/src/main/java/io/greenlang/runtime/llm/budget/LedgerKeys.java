package io.greenlang.runtime.llm.budget;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The Redis keys of one tenant's LLM budgets, quotas and rate limits, all under {@code
 * t:<tenant>:llm:} so that the tenant's Redis ACL pattern {@code t:<tenant>:*} covers them.
 */
public record LedgerKeys(String tenant) {

  private String prefix() {
    return "t:" + tenant + ":llm:";
  }

  /** Nano-dollars the tenant's calls cost in {@code month} (UTC). */
  public String monthSpent(YearMonth month) {
    return prefix() + "budget:" + month + ":spent";
  }

  /** Nano-dollars reserved by the tenant's calls in flight. */
  public String monthReserved(YearMonth month) {
    return prefix() + "budget:" + month + ":reserved";
  }

  /** Nano-dollars one agent's calls cost in {@code month}. */
  public String agentMonthSpent(YearMonth month, String agent) {
    return prefix() + "budget:" + month + ":agent:" + agent + ":spent";
  }

  public String agentMonthReserved(YearMonth month, String agent) {
    return prefix() + "budget:" + month + ":agent:" + agent + ":reserved";
  }

  /** Tokens (input plus output) the tenant used on {@code day} (UTC). */
  public String dayTokensUsed(LocalDate day) {
    return prefix() + "tokens:" + day + ":used";
  }

  public String dayTokensReserved(LocalDate day) {
    return prefix() + "tokens:" + day + ":reserved";
  }

  /**
   * A one-minute rate window.
   *
   * @param scope {@code tenant} or {@code endpoint:<name>}
   * @param measure {@code requests} or {@code tokens}
   * @param minute minutes since the epoch
   */
  public String window(String scope, String measure, long minute) {
    return prefix() + "rate:" + scope + ":" + measure + ":" + minute;
  }

  /** Reservations of calls in flight (hash: id to reserved amounts). */
  public String reservations() {
    return prefix() + "reservations";
  }

  /** When each reservation expires if its call never settles (sorted set). */
  public String reservationDeadlines() {
    return prefix() + "reservations:deadlines";
  }

  /** Budget thresholds already alerted in a period (set of {@code scope|percent}). */
  public String alerted(String period) {
    return prefix() + "budget:" + period + ":alerted";
  }

  /** The stream budget alerts are published to. */
  public String alertStream() {
    return prefix() + "budget-alerts";
  }
}
