package io.greenlang.runtime.llm.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.region.LlmProvider;
import io.greenlang.runtime.llm.MutableClock;
import io.greenlang.runtime.llm.chain.ChainLink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * LlmMetrics: the series a fresh agent exports before its first call, and the budget gauges (spend,
 * limit, share used) that read 0 once their month is over.
 */
class LlmMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T23:00:00Z"));
  private final LlmMetrics metrics = new LlmMetrics(registry, "acme", "explainer", clock);

  private static ChainLink link(String name, String endpoint) {
    return new ChainLink(
        "spec.llm.providers[0]",
        name,
        endpoint,
        LlmProvider.OPENAI,
        "https://api.openai.com/v1",
        "https://api.openai.com/v1",
        "eu-west-1",
        "gpt-4o-mini",
        null,
        1000,
        Duration.ofSeconds(30),
        2);
  }

  @Test
  void registersEveryLinksRequestErrorRetryFailoverTokenAndCostSeriesAtZero() {
    metrics.registerAtZero(List.of(link("primary", "openai-eu"), link("backup", "openai-eu-2")));

    assertThat(registry.get("greenlang.llm.requests").counters()).hasSize(2);
    assertThat(registry.get("greenlang.llm.request.duration").timers()).hasSize(2);
    assertThat(registry.get("greenlang.llm.tokens").counters()).hasSize(4);
    assertThat(registry.get("greenlang.llm.cost").counters()).hasSize(2);
    int kinds = LlmMetrics.PROVIDER_FAILURES.size();
    assertThat(registry.get("greenlang.llm.errors").counters()).hasSize(2 * kinds);
    assertThat(registry.get("greenlang.llm.retries").counters()).hasSize(2 * kinds);
    assertThat(registry.get("greenlang.llm.failovers").counters())
        .hasSize(2 * kinds)
        .extracting(c -> c.getId().getTag("from_endpoint"))
        .contains("openai-eu", "openai-eu-2");
    assertThat(registry.get("greenlang.llm.refusals").counters())
        .extracting(c -> c.getId().getTag("kind"))
        .contains("budget_exhausted", "residency");
    assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.measure()).isNotEmpty());
  }

  @Test
  void registersTheCircuitGaugeWithItsTransitionsAtZero() {
    metrics.circuitGauge("openai-eu", new AtomicInteger(LlmMetrics.CLOSED));

    assertThat(registry.get("greenlang.llm.circuit.state").gauge().value()).isZero();
    assertThat(registry.get("greenlang.llm.circuit.transitions").counters())
        .extracting(c -> c.getId().getTag("state"))
        .containsExactlyInAnyOrder("closed", "half_open", "open");
  }

  @Test
  void exportsTheShareOfTheBudgetSpent() {
    metrics.budget("tenant", 85_000_000_000L, 100_000_000_000L);

    assertThat(gauge("greenlang.llm.budget.spent")).isEqualTo(85.0);
    assertThat(gauge("greenlang.llm.budget.limit")).isEqualTo(100.0);
    assertThat(gauge("greenlang.llm.budget.used.ratio")).isEqualTo(0.85);
  }

  @Test
  void aBudgetWithoutLimitHasNoRatio() {
    metrics.budget("agent:explainer", 5_000_000_000L, -1);

    assertThat(registry.find("greenlang.llm.budget.used.ratio").gauges()).isEmpty();
    assertThat(registry.find("greenlang.llm.budget.limit").gauges()).isEmpty();
  }

  @Test
  void spendAndShareReadZeroOnceTheMonthIsOver() {
    metrics.budget("tenant", 99_000_000_000L, 100_000_000_000L);

    clock.set(Instant.parse("2026-12-01T00:30:00Z"));

    assertThat(gauge("greenlang.llm.budget.spent")).isZero();
    assertThat(gauge("greenlang.llm.budget.used.ratio")).isZero();
    assertThat(gauge("greenlang.llm.budget.limit")).isEqualTo(100.0);
  }

  private double gauge(String name) {
    return registry.get(name).tag("scope", "tenant").gauge().value();
  }
}
