package io.greenlang.operator.pipelinerun;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.pipelinerun.RunPhase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * PipelineRunMetrics exports every outcome at zero from the start, and counts on the same series.
 */
class PipelineRunMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PipelineRunMetrics metrics = new PipelineRunMetrics(registry);

  @Test
  void registersRunsAttemptsAndStepDurationsOfEveryOutcomeAtZero() {
    assertThat(registry.get("greenlang.pipelinerun.runs").counters())
        .extracting(c -> c.getId().getTag("outcome"))
        .containsExactlyInAnyOrder("Succeeded", "Failed", "Cancelled", "TimedOut");
    assertThat(registry.get("greenlang.pipelinerun.step.attempts").counters())
        .extracting(c -> c.getId().getTag("outcome"))
        .containsExactlyInAnyOrder("SUCCEEDED", "FAILED", "DEAD_LETTERED", "TIMED_OUT");
    assertThat(registry.get("greenlang.pipelinerun.step.duration").timers())
        .extracting(t -> t.getId().getTag("outcome"))
        .containsExactlyInAnyOrder("Succeeded", "Failed", "Skipped", "Cancelled", "TimedOut");
    assertThat(registry.get("greenlang.pipelinerun.runs").counters())
        .allSatisfy(c -> assertThat(c.count()).isZero());
  }

  @Test
  void countsOnTheRegisteredSeries() {
    metrics.runFinished(RunPhase.Failed);
    metrics.attempt("TIMED_OUT");
    metrics.stepFinished(RunPhase.Succeeded, Duration.ofSeconds(2));

    assertThat(
            registry.get("greenlang.pipelinerun.runs").tag("outcome", "Failed").counter().count())
        .isOne();
    assertThat(
            registry
                .get("greenlang.pipelinerun.step.attempts")
                .tag("outcome", "TIMED_OUT")
                .counter()
                .count())
        .isOne();
    assertThat(
            registry
                .get("greenlang.pipelinerun.step.duration")
                .tag("outcome", "Succeeded")
                .timer()
                .count())
        .isOne();
  }
}
