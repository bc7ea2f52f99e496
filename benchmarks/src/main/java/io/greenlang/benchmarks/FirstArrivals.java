package io.greenlang.benchmarks;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * When (System.nanoTime) each named resource first got to a state, recorded by an informer's
 * handler as events arrive; waiting and milestones read these times only, never the API server.
 */
final class FirstArrivals {
  private final ConcurrentMap<String, Long> nanos = new ConcurrentHashMap<>();

  /** Records {@code now} unless {@code name} got there before. */
  void record(String name, long now) {
    nanos.putIfAbsent(name, now);
  }

  boolean arrived(String name) {
    return nanos.containsKey(name);
  }

  /** How many of {@code names} got there at least once. */
  int count(Collection<String> names) {
    return (int) names.stream().filter(nanos::containsKey).count();
  }

  /**
   * Waits until all of {@code names} got there; when the last one did, or empty at the deadline.
   */
  OptionalLong awaitAll(Collection<String> names, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count(names) < names.size()) {
      if (System.nanoTime() > deadline) {
        return OptionalLong.empty();
      }
      Thread.sleep(100);
    }
    return names.stream().mapToLong(nanos::get).max();
  }

  /**
   * How long after {@code startNanos} the given percentages of {@code names} had got there;
   * percentages not reached are left out.
   */
  Map<Integer, Duration> milestones(List<String> names, long startNanos, int... percents) {
    long[] times =
        names.stream()
            .map(nanos::get)
            .filter(Objects::nonNull)
            .mapToLong(Long::longValue)
            .sorted()
            .toArray();
    Map<Integer, Duration> milestones = new LinkedHashMap<>();
    for (int percent : percents) {
      int needed = (int) Math.ceil(percent / 100.0 * names.size());
      if (needed >= 1 && needed <= times.length) {
        milestones.put(percent, Duration.ofNanos(times[needed - 1] - startNanos));
      }
    }
    return milestones;
  }
}
