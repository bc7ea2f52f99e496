package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.runtime.StepResult;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The orchestrator's meters (contract C4), in Prometheus: {@code
 * greenlang_pipelinerun_runs_total{outcome}}, {@code greenlang_pipelinerun_active}, {@code
 * greenlang_pipelinerun_queued}, {@code greenlang_pipelinerun_step_duration_seconds{outcome}},
 * {@code greenlang_pipelinerun_step_attempts_total{outcome}}, {@code
 * greenlang_pipelinerun_dispatch_latency_seconds} and {@code
 * greenlang_pipelinerun_compensations_total}. Created at startup with every outcome at zero, so a
 * freshly started operator already exports every series the dashboards and alerts name.
 */
@Startup
@ApplicationScoped
public class PipelineRunMetrics {
  /** How a run ends: the outcomes of {@code greenlang_pipelinerun_runs_total}. */
  static final List<RunPhase> RUN_OUTCOMES =
      List.of(RunPhase.Succeeded, RunPhase.Failed, RunPhase.Cancelled, RunPhase.TimedOut);

  /** How a step ends: the outcomes of {@code greenlang_pipelinerun_step_duration_seconds}. */
  static final List<RunPhase> STEP_OUTCOMES =
      List.of(
          RunPhase.Succeeded,
          RunPhase.Failed,
          RunPhase.Skipped,
          RunPhase.Cancelled,
          RunPhase.TimedOut);

  /**
   * How an attempt ends: the worker's result outcomes and the operator's own timeout, the outcomes
   * of {@code greenlang_pipelinerun_step_attempts_total}.
   */
  static final List<String> ATTEMPT_OUTCOMES =
      Stream.concat(
              Arrays.stream(StepResult.Outcome.values()).map(Enum::name),
              Stream.of(AttemptOutcomes.TIMED_OUT))
          .toList();

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
    RUN_OUTCOMES.forEach(this::runs);
    ATTEMPT_OUTCOMES.forEach(this::attempts);
    STEP_OUTCOMES.forEach(this::stepDuration);
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
    runs(outcome).increment();
  }

  void attempt(String outcome) {
    attempts(outcome).increment();
  }

  void stepFinished(RunPhase outcome, Duration duration) {
    stepDuration(outcome).record(duration);
  }

  private Counter runs(RunPhase outcome) {
    return Counter.builder("greenlang.pipelinerun.runs")
        .description("PipelineRuns finished, by outcome")
        .tag("outcome", outcome.name())
        .register(registry);
  }

  private Counter attempts(String outcome) {
    return Counter.builder("greenlang.pipelinerun.step.attempts")
        .description("Step attempts whose outcome was applied, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  private Timer stepDuration(RunPhase outcome) {
    return Timer.builder("greenlang.pipelinerun.step.duration")
        .description("From a step's first dispatch to its final result, by outcome")
        .tag("outcome", outcome.name())
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofHours(1))
        .register(registry);
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
