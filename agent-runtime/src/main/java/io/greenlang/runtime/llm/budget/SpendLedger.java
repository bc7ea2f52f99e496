package io.greenlang.runtime.llm.budget;

import io.greenlang.runtime.llm.FailureKind;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The Redis side of budgets, quotas and rate limits: admits a call attempt against all its limits
 * in one atomic step, reserving what it may use, and settles it afterwards with what it did use.
 * Counters are whole numbers (nano-dollars, tokens, requests) so that sums are exact.
 */
public final class SpendLedger {

  /** How a limit counts. */
  public enum Kind {
    /** A running total for a period (month, day): used plus reserved must stay below the limit. */
    TOTAL,
    /** A sliding one-minute window (rate limits). */
    WINDOW
  }

  /**
   * One limit of an admission.
   *
   * @param kind how it counts
   * @param refusal what it means for the request when it does not pass
   * @param explain the refusal message for a current value (used plus reserved, or the window's)
   * @param keyA TOTAL: the used counter; WINDOW: this window's counter
   * @param keyB TOTAL: the reserved counter; WINDOW: the previous window's counter
   * @param limit the limit, or -1 for none (the attempt is still counted)
   * @param amount what this attempt reserves (TOTAL) or counts (WINDOW)
   * @param span TOTAL: seconds the reserved counter lives; WINDOW: the window in milliseconds
   */
  public record Limit(
      Kind kind,
      FailureKind refusal,
      LongFunction<String> explain,
      String keyA,
      String keyB,
      long limit,
      long amount,
      long span) {}

  /** The outcome of an admission. */
  public sealed interface Admission permits Admitted, Refused {}

  /** Admitted; settle the reservation when the call ends. */
  public record Admitted() implements Admission {}

  /** Refused by {@code limit}, whose current value (used plus reserved) is {@code current}. */
  public record Refused(Limit limit, long current) implements Admission {}

  /**
   * A total that a settled call adds to, with the thresholds to report the first time they are
   * reached.
   *
   * @param usedKey the counter
   * @param amount what the call used
   * @param ttlSeconds how long the counter lives after its last change
   * @param budget the budget (100 %) the overage is measured against, or -1 for none
   * @param scope the label of thresholds reached, such as {@code tenant} or {@code agent:cbam}
   * @param thresholds in ascending order
   */
  public record Counter(
      String usedKey,
      long amount,
      long ttlSeconds,
      long budget,
      String scope,
      List<Threshold> thresholds) {}

  /** A percentage of a budget and the amount at which it is reached. */
  public record Threshold(int percent, long reachedAt) {}

  /** A correction of a rate-limit window, such as estimated minus actual tokens. */
  public record WindowAdjustment(String key, long delta, long ttlMillis) {}

  /** The counters' values after the call, the part above the budget, and thresholds reached. */
  public record Settlement(
      List<Long> totals, List<Long> overages, List<ReachedThreshold> reached) {}

  /** A threshold reached for the first time in its period. */
  public record ReachedThreshold(String scope, int percent, long total) {}

  private static final RedisScript ADMIT = RedisScript.load("llm/admit.lua");
  private static final RedisScript SETTLE = RedisScript.load("llm/settle.lua");

  private final RedisCommands<String, String> redis;

  public SpendLedger(RedisCommands<String, String> redis) {
    this.redis = redis;
  }

  /** Admits an attempt against every limit, or none; reserves under {@code reservationId}. */
  public Admission admit(
      LedgerKeys keys,
      String reservationId,
      long nowMillis,
      long deadlineMillis,
      List<Limit> limits) {
    List<String> args = new ArrayList<>();
    args.add(Long.toString(nowMillis));
    args.add(reservationId);
    args.add(Long.toString(deadlineMillis));
    args.add(Integer.toString(limits.size()));
    for (Limit limit : limits) {
      args.add(limit.kind() == Kind.TOTAL ? "total" : "window");
      args.add(limit.keyA());
      args.add(limit.keyB());
      args.add(Long.toString(limit.limit()));
      args.add(Long.toString(limit.amount()));
      args.add(Long.toString(limit.span()));
    }
    List<Object> reply =
        ADMIT.run(redis, List.of(keys.reservations(), keys.reservationDeadlines()), args);
    if (number(reply.get(0)) == 1) {
      return new Admitted();
    }
    return new Refused(limits.get((int) number(reply.get(1)) - 1), number(reply.get(2)));
  }

  /** Releases the reservation, adds the call's use, and reports thresholds reached. */
  public Settlement settle(
      LedgerKeys keys,
      String reservationId,
      long nowMillis,
      String period,
      List<Counter> counters,
      List<WindowAdjustment> adjustments) {
    List<String> args = new ArrayList<>();
    args.add(reservationId);
    args.add(Long.toString(nowMillis));
    args.add(period);
    args.add(Integer.toString(counters.size()));
    for (Counter counter : counters) {
      args.add(counter.usedKey());
      args.add(Long.toString(counter.amount()));
      args.add(Long.toString(counter.ttlSeconds()));
      args.add(Long.toString(counter.budget()));
      args.add(counter.scope());
      args.add(Integer.toString(counter.thresholds().size()));
      for (Threshold threshold : counter.thresholds()) {
        args.add(Integer.toString(threshold.percent()));
        args.add(Long.toString(threshold.reachedAt()));
      }
    }
    args.add(Integer.toString(adjustments.size()));
    for (WindowAdjustment adjustment : adjustments) {
      args.add(adjustment.key());
      args.add(Long.toString(adjustment.delta()));
      args.add(Long.toString(adjustment.ttlMillis()));
    }
    List<Object> reply =
        SETTLE.run(
            redis,
            List.of(
                keys.reservations(),
                keys.reservationDeadlines(),
                keys.alerted(period),
                keys.alertStream()),
            args);
    List<Long> totals = new ArrayList<>();
    List<Long> overages = new ArrayList<>();
    for (int c = 0; c < counters.size(); c++) {
      totals.add(number(reply.get(2 * c)));
      overages.add(number(reply.get(2 * c + 1)));
    }
    List<ReachedThreshold> reached = new ArrayList<>();
    for (int i = 2 * counters.size(); i < reply.size(); i++) {
      String[] parts = reply.get(i).toString().split("\\|");
      reached.add(
          new ReachedThreshold(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2])));
    }
    return new Settlement(totals, overages, reached);
  }

  /** The value of a counter, 0 when it does not exist. */
  public long read(String key) {
    String value = redis.get(key);
    return value == null ? 0 : Long.parseLong(value);
  }

  private static long number(Object value) {
    return value instanceof Long l ? l : Long.parseLong(value.toString());
  }
}
