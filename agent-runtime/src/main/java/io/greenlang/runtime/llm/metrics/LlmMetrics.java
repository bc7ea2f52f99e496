package io.greenlang.runtime.llm.metrics;

import io.greenlang.runtime.llm.FailureKind;
import io.greenlang.runtime.llm.chain.ChainLink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's Micrometer meters, all named {@code greenlang.llm.*} (Prometheus: {@code
 * greenlang_llm_*}) and tagged with the tenant; docs/runtime/llm-gateway.md lists them.
 */
public final class LlmMetrics {

  /** Circuit states as gauge values. */
  public static final int CLOSED = 0;

  public static final int HALF_OPEN = 1;
  public static final int OPEN = 2;

  private final MeterRegistry registry;
  private final Tags tenantTags;
  private final Map<String, AtomicLong> budgetGauges = new ConcurrentHashMap<>();

  public LlmMetrics(MeterRegistry registry, String tenant, String agent) {
    this.registry = registry;
    this.tenantTags = Tags.of("tenant", tenant, "agent", agent);
  }

  /** One attempt at a provider (or its refusal) with its outcome and how long it took. */
  public void attempt(ChainLink link, String operation, String outcome, Duration latency) {
    Tags tags = linkTags(link).and("operation", operation, "outcome", outcome);
    registry.counter("greenlang.llm.requests", tags).increment();
    Timer.builder("greenlang.llm.request.duration")
        .description("Time of one LLM call attempt, from sending to the last byte")
        .tags(tags)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(10))
        .register(registry)
        .record(latency);
  }

  /** A failed or refused attempt, by kind. */
  public void error(ChainLink link, FailureKind kind) {
    registry.counter("greenlang.llm.errors", linkTags(link).and("kind", kind.label())).increment();
  }

  /** A request refused by a limit of the tenant (budget, quota, rate) or by residency. */
  public void refusal(FailureKind kind) {
    registry.counter("greenlang.llm.refusals", tenantTags.and("kind", kind.label())).increment();
  }

  /** The chain moved on from {@code link} to the next one. */
  public void failover(ChainLink link, FailureKind kind) {
    registry
        .counter(
            "greenlang.llm.failovers",
            tenantTags.and("from_endpoint", link.endpoint(), "kind", kind.label()))
        .increment();
  }

  /** The same link is tried again after a retryable failure. */
  public void retry(ChainLink link, FailureKind kind) {
    registry.counter("greenlang.llm.retries", linkTags(link).and("kind", kind.label())).increment();
  }

  /** Tokens and cost of a succeeded attempt. */
  public void usage(ChainLink link, long inputTokens, long outputTokens, BigDecimal cost) {
    Tags tags = linkTags(link);
    registry.counter("greenlang.llm.tokens", tags.and("direction", "input")).increment(inputTokens);
    registry
        .counter("greenlang.llm.tokens", tags.and("direction", "output"))
        .increment(outputTokens);
    Counter.builder("greenlang.llm.cost")
        .baseUnit("usd")
        .description("Cost of LLM calls at list price (exact figures: greenlang.llm_usage)")
        .tags(tags)
        .register(registry)
        .increment(cost.doubleValue());
  }

  /** Registers the circuit-state gauge of an endpoint: 0 closed, 1 half-open, 2 open. */
  public void circuitGauge(String endpoint, AtomicInteger state) {
    Gauge.builder("greenlang.llm.circuit.state", state, AtomicInteger::get)
        .description("Circuit breaker of an LLM endpoint: 0 closed, 1 half-open, 2 open")
        .tags(tenantTags.and("endpoint", endpoint))
        .strongReference(true)
        .register(registry);
  }

  /** A circuit changed state. */
  public void circuitTransition(String endpoint, String state) {
    registry
        .counter(
            "greenlang.llm.circuit.transitions",
            tenantTags.and("endpoint", endpoint, "state", state))
        .increment();
  }

  /** The month's spend and budget of a scope ({@code tenant} or {@code agent:<name>}). */
  public void budget(String scope, long spentNanos, long budgetNanos) {
    gauge("greenlang.llm.budget.spent", scope, "spent").set(spentNanos);
    if (budgetNanos >= 0) {
      gauge("greenlang.llm.budget.limit", scope, "limit").set(budgetNanos);
    }
  }

  /** A budget threshold reached for the first time this month. */
  public void budgetAlert(String scope, int percent) {
    registry
        .counter(
            "greenlang.llm.budget.alerts",
            tenantTags.and("scope", scope, "threshold", Integer.toString(percent)))
        .increment();
  }

  /** A usage record could not be written to PostgreSQL. */
  public void usageWriteFailure() {
    registry.counter("greenlang.llm.usage.write.failures", tenantTags).increment();
  }

  /** A security event could not be published to the audit stream. */
  public void auditPublishFailure() {
    registry.counter("greenlang.llm.audit.publish.failures", tenantTags).increment();
  }

  private AtomicLong gauge(String name, String scope, String measure) {
    return budgetGauges.computeIfAbsent(
        measure + "|" + scope,
        key -> {
          AtomicLong nanos = new AtomicLong();
          Gauge.builder(name, nanos, n -> n.get() / 1e9)
              .baseUnit("usd")
              .description("LLM budget of the month (" + measure + "), in US dollars")
              .tags(tenantTags.and("scope", scope))
              .strongReference(true)
              .register(registry);
          return nanos;
        });
  }

  private Tags linkTags(ChainLink link) {
    return tenantTags.and(
        "endpoint", link.endpoint(), "provider", link.providerLabel(), "model", link.model());
  }
}
