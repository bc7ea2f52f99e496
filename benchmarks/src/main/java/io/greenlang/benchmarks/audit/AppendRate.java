package io.greenlang.benchmarks.audit;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The figures of one append phase: entries, wall time, and the latency of single appends (or
 * batches) as percentiles.
 */
record AppendRate(String phase, long entries, long wallNanos, long[] latencyNanos) {

  double perSecond() {
    return entries / (wallNanos / 1e9);
  }

  String row() {
    long[] sorted = latencyNanos.clone();
    Arrays.sort(sorted);
    return String.format(
        "| %s | %,d | %.1f s | %,.0f/s | %s | %s | %s |",
        phase,
        entries,
        wallNanos / 1e9,
        perSecond(),
        millis(percentile(sorted, 50)),
        millis(percentile(sorted, 95)),
        millis(percentile(sorted, 99)));
  }

  static String header() {
    return "| phase | entries | wall time | rate | latency P50 | P95 | P99 |\n"
        + "|---|---|---|---|---|---|---|";
  }

  private static long percentile(long[] sorted, int percent) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String millis(long nanos) {
    return String.format("%.2f ms", nanos / (double) TimeUnit.MILLISECONDS.toNanos(1));
  }
}
