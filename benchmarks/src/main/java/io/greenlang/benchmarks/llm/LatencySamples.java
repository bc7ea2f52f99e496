package io.greenlang.benchmarks.llm;

import java.util.Arrays;

/** Latencies in nanoseconds and their nearest-rank percentiles. */
final class LatencySamples {

  private long[] nanos = new long[1024];
  private int count;

  synchronized void add(long sample) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = sample;
  }

  synchronized int count() {
    return count;
  }

  /** The {@code percent} percentile (nearest rank), in milliseconds. */
  synchronized double percentileMillis(double percent) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * count);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
