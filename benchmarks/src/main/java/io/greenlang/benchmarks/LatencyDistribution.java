package io.greenlang.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Count, P50, P95 and maximum of a set of measured durations (nearest-rank percentiles). */
record LatencyDistribution(int count, Duration p50, Duration p95, Duration max) {
  static final LatencyDistribution EMPTY =
      new LatencyDistribution(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  static LatencyDistribution of(Collection<Duration> samples) {
    if (samples.isEmpty()) {
      return EMPTY;
    }
    List<Duration> sorted = new ArrayList<>(samples);
    sorted.sort(null);
    return new LatencyDistribution(
        sorted.size(),
        percentile(sorted, 50),
        percentile(sorted, 95),
        sorted.get(sorted.size() - 1));
  }

  private static Duration percentile(List<Duration> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** Such as {@code 12 ms / 48 ms / 210 ms (n=200)}. */
  String describe() {
    if (count == 0) {
      return "no samples";
    }
    return Durations.format(p50)
        + " / "
        + Durations.format(p95)
        + " / "
        + Durations.format(max)
        + " (n="
        + count
        + ")";
  }
}
