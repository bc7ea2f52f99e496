package io.greenlang.benchmarks.bus;

import java.util.Arrays;

/** P50, P95, P99 and maximum of a set of millisecond samples (nearest-rank percentiles). */
public record Percentiles(int count, long p50, long p95, long p99, long max) {

  public static Percentiles of(long[] samples) {
    if (samples.length == 0) {
      return new Percentiles(0, 0, 0, 0, 0);
    }
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    return new Percentiles(
        sorted.length,
        rank(sorted, 50),
        rank(sorted, 95),
        rank(sorted, 99),
        sorted[sorted.length - 1]);
  }

  private static long rank(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** A Markdown table row: P50, P95, P99, max in ms. */
  public String row(String what) {
    return "| %s | %d | %d | %d | %d |%n".formatted(what, p50, p95, p99, max);
  }
}
