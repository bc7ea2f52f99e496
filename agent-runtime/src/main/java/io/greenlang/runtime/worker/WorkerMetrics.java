package io.greenlang.runtime.worker;

import io.greenlang.crds.runtime.StepResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The step workers' Micrometer meters, tagged with tenant and agent; in Prometheus {@code
 * greenlang_worker_tasks_{consumed,succeeded,failed,dead_lettered,reclaimed,republished}_total},
 * {@code greenlang_worker_task_duration_seconds} (histogram, by outcome) and {@code
 * greenlang_worker_pending} (tasks delivered to the agent's workers and not yet acknowledged).
 */
public final class WorkerMetrics {

  private final MeterRegistry registry;
  private final Tags tags;
  private final Counter consumed;
  private final Counter succeeded;
  private final Counter failed;
  private final Counter deadLettered;
  private final Counter reclaimed;
  private final Counter republished;
  // Micrometer holds gauge state weakly: this field keeps it alive.
  private final AtomicLong pending = new AtomicLong();

  public WorkerMetrics(MeterRegistry registry, String tenant, String agent) {
    this.registry = registry;
    this.tags = Tags.of("tenant", tenant, "agent", agent);
    consumed = counter("consumed", "Tasks read from the agent's task stream, new or reclaimed");
    succeeded = counter("succeeded", "Tasks whose stored result is SUCCEEDED");
    failed = counter("failed", "Tasks whose stored result is FAILED");
    deadLettered = counter("dead.lettered", "Tasks moved to the dead-letter stream");
    reclaimed = counter("reclaimed", "Tasks reclaimed from a consumer that stopped");
    republished = counter("republished", "Redelivered tasks answered with their stored result");
    registry.gauge("greenlang.worker.pending", tags, pending);
    for (StepResult.Outcome outcome : StepResult.Outcome.values()) {
      duration(outcome);
    }
  }

  private Counter counter(String name, String description) {
    return Counter.builder("greenlang.worker.tasks." + name)
        .description(description)
        .tags(tags)
        .register(registry);
  }

  void consumed() {
    consumed.increment();
  }

  void reclaimed() {
    reclaimed.increment();
  }

  void republished() {
    republished.increment();
  }

  void deadLettered() {
    deadLettered.increment();
  }

  void pending(long count) {
    pending.set(count);
  }

  /** Counts a task whose result is stored and published, and how long handling it took. */
  void completed(StepResult.Outcome outcome, Duration duration) {
    switch (outcome) {
      case SUCCEEDED -> succeeded.increment();
      case FAILED -> failed.increment();
      case DEAD_LETTERED -> deadLettered.increment();
    }
    duration(outcome).record(duration);
  }

  /** The duration timer of an outcome; all are registered up front so every series is exported. */
  private Timer duration(StepResult.Outcome outcome) {
    return Timer.builder("greenlang.worker.task.duration")
        .description("From reading a task to acknowledging it, by outcome")
        .tags(tags.and("outcome", outcome.name()))
        .publishPercentileHistogram()
        .register(registry);
  }
}
