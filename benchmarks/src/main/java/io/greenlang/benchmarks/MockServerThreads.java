package io.greenlang.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the mock API servers' Vert.x event-loop threads, which handle every request one at a
 * time: when the busiest of them is near 100 % of the elapsed time, the API server is saturated.
 */
final class MockServerThreads {
  private static final String EVENT_LOOP_PREFIX = "vert.x-eventloop-thread";

  private MockServerThreads() {}

  /** CPU time per event-loop thread id, so far. */
  static Map<Long, Duration> eventLoopCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Duration> cpu = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(EVENT_LOOP_PREFIX)) {
        long nanos = threads.getThreadCpuTime(info.getThreadId());
        if (nanos >= 0) {
          cpu.put(info.getThreadId(), Duration.ofNanos(nanos));
        }
      }
    }
    return cpu;
  }

  /** The most CPU any one event-loop thread used between two readings. */
  static Duration busiestSince(Map<Long, Duration> before) {
    return eventLoopCpu().entrySet().stream()
        .map(e -> e.getValue().minus(before.getOrDefault(e.getKey(), Duration.ZERO)))
        .max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }
}
