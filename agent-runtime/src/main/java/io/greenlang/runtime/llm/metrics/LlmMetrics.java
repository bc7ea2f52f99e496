package io.greenlang.runtime.llm.metrics;

import io.greenlang.runtime.llm.FailureKind;
import io.greenlang.runtime.llm.chain.ChainLink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway's Micrometer meters, all named {@code greenlang.llm.*} (Prometheus: {@code
 * greenlang_llm_*}) and tagged with the tenant; docs/runtime/llm-gateway.md lists them.
 */
public final class LlmMetrics {

  /** Circuit states as gauge values. */
  public static final int CLOSED = 0;

  public static final int HALF_OPEN = 1;
  public static final int OPEN = 2;

  /**
   * Failure kinds registered at zero for every link at startup: the provider-side ones (timeouts,
   * 429, 5xx, connection, unusable answers) that retries, failovers and the error panels show.
   */
  static final List<FailureKind> PROVIDER_FAILURES =
      Arrays.stream(FailureKind.values()).filter(FailureKind::retryable).toList();

  /** Kinds of refusals registered at zero at startup: the tenant's limits and residency. */
  static final List<FailureKind> REFUSALS =
      Arrays.stream(FailureKind.values())
          .filter(k -> k.handling() == FailureKind.Handling.REFUSE || k == FailureKind.RESIDENCY)
          .toList();

  /** The {@code state} tag of circuit transitions: the breaker's states in lower case. */
  static final List<String> CIRCUIT_STATES = List.of("closed", "half_open", "open");

  private final MeterRegistry registry;
  private final Tags tenantTags;
  private final Clock clock;
  private final Map<String, AtomicReference<MonthAmount>> budgetGauges = new ConcurrentHashMap<>();

  public LlmMetrics(MeterRegistry registry, String tenant, String agent, Clock clock) {
    this.registry = registry;
    this.tenantTags = Tags.of("tenant", tenant, "agent", agent);
    this.clock = clock;
  }

  /**
   * Registers at zero the series the dashboards and alerts read, so an agent exports them from its
   * first scrape rather than from its first call: per link the succeeded chat requests and their
   * latency, errors, retries and failovers of the provider-side failures, tokens and cost; per
   * agent the refusals. (The circuit-state gauges are registered by the circuit breakers, one per
   * endpoint.)
   */
  public void registerAtZero(List<ChainLink> links) {
    for (ChainLink link : links) {
      Tags tags = linkTags(link);
      registry.counter(
          "greenlang.llm.requests", tags.and("operation", "chat", "outcome", "succeeded"));
      requestTimer(tags.and("operation", "chat", "outcome", "succeeded"));
      registry.counter("greenlang.llm.tokens", tags.and("direction", "input"));
      registry.counter("greenlang.llm.tokens", tags.and("direction", "output"));
      costCounter(tags);
      for (FailureKind kind : PROVIDER_FAILURES) {
        registry.counter("greenlang.llm.errors", tags.and("kind", kind.label()));
        registry.counter("greenlang.llm.retries", tags.and("kind", kind.label()));
        failoverCounter(link, kind);
      }
    }
    for (FailureKind kind : REFUSALS) {
      registry.counter("greenlang.llm.refusals", tenantTags.and("kind", kind.label()));
    }
  }

  /** One attempt at a provider (or its refusal) with its outcome and how long it took. */
  public void attempt(ChainLink link, String operation, String outcome, Duration latency) {
    Tags tags = linkTags(link).and("operation", operation, "outcome", outcome);
    registry.counter("greenlang.llm.requests", tags).increment();
    requestTimer(tags).record(latency);
  }

  private Timer requestTimer(Tags tags) {
    return Timer.builder("greenlang.llm.request.duration")
        .description("Time of one LLM call attempt, from sending to the last byte")
        .tags(tags)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(10))
        .register(registry);
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
    failoverCounter(link, kind).increment();
  }

  private Counter failoverCounter(ChainLink link, FailureKind kind) {
    return registry.counter(
        "greenlang.llm.failovers",
        tenantTags.and("from_endpoint", link.endpoint(), "kind", kind.label()));
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
    costCounter(tags).increment(cost.doubleValue());
  }

  private Counter costCounter(Tags tags) {
    return Counter.builder("greenlang.llm.cost")
        .baseUnit("usd")
        .description("Cost of LLM calls at list price (exact figures: greenlang.llm_usage)")
        .tags(tags)
        .register(registry);
  }

  /**
   * Registers the circuit-state gauge of an endpoint (0 closed, 1 half-open, 2 open) and its
   * transition counters at zero.
   */
  public void circuitGauge(String endpoint, AtomicInteger state) {
    Gauge.builder("greenlang.llm.circuit.state", state, AtomicInteger::get)
        .description("Circuit breaker of an LLM endpoint: 0 closed, 1 half-open, 2 open")
        .tags(tenantTags.and("endpoint", endpoint))
        .strongReference(true)
        .register(registry);
    for (String target : CIRCUIT_STATES) {
      registry.counter(
          "greenlang.llm.circuit.transitions",
          tenantTags.and("endpoint", endpoint, "state", target));
    }
  }

  /** A circuit changed state. */
  public void circuitTransition(String endpoint, String state) {
    registry
        .counter(
            "greenlang.llm.circuit.transitions",
            tenantTags.and("endpoint", endpoint, "state", state))
        .increment();
  }

  /**
   * The month's spend and budget of a scope ({@code tenant} or {@code agent:<name>}), and with a
   * budget above zero the share of it spent ({@code greenlang_llm_budget_used_ratio}, what the
   * budget alerts compare with 0.8 and 1.0). The spend and the ratio read 0 once the month is over,
   * so an agent idle since last month does not keep reporting last month's spend.
   */
  public void budget(String scope, long spentNanos, long budgetNanos) {
    YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    gauge("greenlang.llm.budget.spent", scope, "spent", "usd", true)
        .set(new MonthAmount(month, spentNanos / 1e9));
    if (budgetNanos >= 0) {
      gauge("greenlang.llm.budget.limit", scope, "limit", "usd", false)
          .set(new MonthAmount(month, budgetNanos / 1e9));
    }
    if (budgetNanos > 0) {
      gauge("greenlang.llm.budget.used.ratio", scope, "used", null, true)
          .set(new MonthAmount(month, (double) spentNanos / budgetNanos));
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

  private AtomicReference<MonthAmount> gauge(
      String name, String scope, String measure, String unit, boolean monthly) {
    return budgetGauges.computeIfAbsent(
        measure + "|" + scope,
        key -> {
          AtomicReference<MonthAmount> amount = new AtomicReference<>();
          Gauge.builder(name, amount, a -> read(a.get(), monthly))
              .baseUnit(unit)
              .description(
                  unit == null
                      ? "Share of the month's LLM budget spent"
                      : "LLM budget of the month (" + measure + "), in US dollars")
              .tags(tenantTags.and("scope", scope))
              .strongReference(true)
              .register(registry);
          return amount;
        });
  }

  private double read(MonthAmount amount, boolean monthly) {
    if (amount == null) {
      return 0;
    }
    boolean stale =
        monthly && !amount.month().equals(YearMonth.now(clock.withZone(ZoneOffset.UTC)));
    return stale ? 0 : amount.value();
  }

  /** A gauge value and the month (UTC) it belongs to. */
  private record MonthAmount(YearMonth month, double value) {}

  private Tags linkTags(ChainLink link) {
    return tenantTags.and(
        "endpoint", link.endpoint(), "provider", link.providerLabel(), "model", link.model());
  }
}
