package io.greenlang.benchmarks;

import java.time.Duration;

/** Renders durations for people: milliseconds below ten seconds, seconds with one decimal above. */
final class Durations {
  private Durations() {}

  static String format(Duration duration) {
    if (duration == null) {
      return "-";
    }
    long millis = duration.toMillis();
    if (millis < 10_000) {
      return millis + " ms";
    }
    return "%.1f s".formatted(millis / 1000.0);
  }

  static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
