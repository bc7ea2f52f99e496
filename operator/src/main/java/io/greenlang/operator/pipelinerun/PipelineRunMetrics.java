package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.pipelinerun.RunPhase;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The orchestrator's meters (contract C4), in Prometheus: {@code
 * greenlang_pipelinerun_runs_total{outcome}}, {@code greenlang_pipelinerun_active}, {@code
 * greenlang_pipelinerun_queued}, {@code greenlang_pipelinerun_step_duration_seconds{outcome}},
 * {@code greenlang_pipelinerun_step_attempts_total{outcome}}, {@code
 * greenlang_pipelinerun_dispatch_latency_seconds} and {@code
 * greenlang_pipelinerun_compensations_total}.
 */
@ApplicationScoped
public class PipelineRunMetrics {
  private final MeterRegistry registry;
  private final Map<ResourceID, RunPhase> phases = new ConcurrentHashMap<>();
  private final Timer dispatchLatency;
  private final Counter compensations;

  public PipelineRunMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder(
            "greenlang.pipelinerun.active",
            phases,
            p -> count(p, RunPhase.Running) + count(p, RunPhase.Compensating))
        .description("PipelineRuns running or compensating")
        .register(registry);
    Gauge.builder("greenlang.pipelinerun.queued", phases, p -> count(p, RunPhase.Queued))
        .description("PipelineRuns waiting for a concurrent-run slot")
        .register(registry);
    dispatchLatency =
        Timer.builder("greenlang.pipelinerun.dispatch.latency")
            .description("From publishing a step task to the operator seeing its result")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(10))
            .register(registry);
    compensations =
        Counter.builder("greenlang.pipelinerun.compensations")
            .description("Compensations started by the saga of a stopped run")
            .register(registry);
  }

  /** The run's current phase, for the active and queued gauges. */
  void phase(ResourceID run, RunPhase phase) {
    if (phase == null) {
      phases.remove(run);
    } else {
      phases.put(run, phase);
    }
  }

  void forget(ResourceID run) {
    phases.remove(run);
  }

  void runFinished(RunPhase outcome) {
    Counter.builder("greenlang.pipelinerun.runs")
        .description("PipelineRuns finished, by outcome")
        .tag("outcome", outcome.name())
        .register(registry)
        .increment();
  }

  void attempt(String outcome) {
    Counter.builder("greenlang.pipelinerun.step.attempts")
        .description("Step attempts whose outcome was applied, by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  void stepFinished(RunPhase outcome, Duration duration) {
    Timer.builder("greenlang.pipelinerun.step.duration")
        .description("From a step's first dispatch to its final result, by outcome")
        .tag("outcome", outcome.name())
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofHours(1))
        .register(registry)
        .record(duration);
  }

  void dispatchLatency(Duration duration) {
    dispatchLatency.record(duration);
  }

  void compensationsStarted(int count) {
    compensations.increment(count);
  }

  private static double count(Map<ResourceID, RunPhase> phases, RunPhase phase) {
    return phases.values().stream().filter(p -> p == phase).count();
  }
}
