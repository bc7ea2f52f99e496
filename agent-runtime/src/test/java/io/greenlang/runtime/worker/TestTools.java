package io.greenlang.runtime.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Tools for worker tests only: they record how often they ran and can hold a step mid-way. */
final class TestTools {

  private TestTools() {}

  /** {@code count}: doubles input {@code n} and counts runs per task id. */
  static final class CountingTool implements AgentTool {
    final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    @Override
    public String name() {
      return "count";
    }

    @Override
    public ToolResult execute(Map<String, Object> inputs, ToolContext context) {
      runs.computeIfAbsent(context.task().taskId(), id -> new AtomicInteger()).incrementAndGet();
      Object n = inputs.get("n");
      Map<String, Object> outputs = new LinkedHashMap<>();
      outputs.put(
          "doubled",
          n == null
              ? null
              : new java.math.BigDecimal(n.toString()).multiply(java.math.BigDecimal.valueOf(2)));
      return ToolResult.deterministic(outputs, Map.of("tool", "count", "n", String.valueOf(n)));
    }

    int runsOf(String taskId) {
      AtomicInteger count = runs.get(taskId);
      return count == null ? 0 : count.get();
    }

    int totalRuns() {
      return runs.values().stream().mapToInt(AtomicInteger::get).sum();
    }
  }

  /** {@code hold}: signals that it started, then waits until released (or 60 s). */
  static final class HoldingTool implements AgentTool {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger runs = new AtomicInteger();

    @Override
    public String name() {
      return "hold";
    }

    @Override
    public ToolResult execute(Map<String, Object> inputs, ToolContext context) {
      runs.incrementAndGet();
      started.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ToolResult.deterministic(Map.of("held", true), Map.of("tool", "hold"));
    }
  }

  /** {@code explode}: always throws an unexpected exception. */
  static final class ExplodingTool implements AgentTool {
    @Override
    public String name() {
      return "explode";
    }

    @Override
    public ToolResult execute(Map<String, Object> inputs, ToolContext context) {
      throw new IllegalStateException("boom");
    }
  }
}
