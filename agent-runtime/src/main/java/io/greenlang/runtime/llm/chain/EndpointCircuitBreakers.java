package io.greenlang.runtime.llm.chain;

import io.greenlang.runtime.llm.metrics.LlmMetrics;
import io.greenlang.runtime.llm.provider.ProviderFailure;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One SmallRye Fault Tolerance circuit breaker per Region endpoint, shared by every link that uses
 * the endpoint: it opens after {@code failureThreshold} consecutive failures (a rolling window of
 * that many calls, all failed), lets one trial call through after {@code openDelay} (half-open),
 * and closes again when it succeeds. Only failures of the endpoint count (timeouts, 429, 5xx,
 * connection errors); a request the provider rejects (400, 401) does not, because the endpoint
 * itself answered.
 */
public final class EndpointCircuitBreakers {

  private static final Logger LOG = Logger.getLogger(EndpointCircuitBreakers.class);

  private final int failureThreshold;
  private final Duration openDelay;
  private final LlmMetrics metrics;
  private final Map<String, Guard> guards = new ConcurrentHashMap<>();

  public EndpointCircuitBreakers(int failureThreshold, Duration openDelay, LlmMetrics metrics) {
    this.failureThreshold = failureThreshold;
    this.openDelay = openDelay;
    this.metrics = metrics;
  }

  /** The guard holding the circuit breaker of {@code endpoint}. */
  public Guard of(String endpoint) {
    return guards.computeIfAbsent(endpoint, this::create);
  }

  private Guard create(String endpoint) {
    AtomicInteger state = new AtomicInteger(LlmMetrics.CLOSED);
    metrics.circuitGauge(endpoint, state);
    return Guard.create()
        .withDescription("LLM endpoint " + endpoint)
        .withCircuitBreaker()
        .requestVolumeThreshold(failureThreshold)
        .failureRatio(1.0)
        .successThreshold(1)
        .delay(openDelay.toMillis(), ChronoUnit.MILLIS)
        .when(
            error ->
                error instanceof ProviderFailure failure && failure.kind().countsAgainstEndpoint())
        .onStateChange(newState -> changed(endpoint, state, newState))
        .done()
        .build();
  }

  private void changed(String endpoint, AtomicInteger state, CircuitBreakerState newState) {
    state.set(
        switch (newState) {
          case CLOSED -> LlmMetrics.CLOSED;
          case HALF_OPEN -> LlmMetrics.HALF_OPEN;
          case OPEN -> LlmMetrics.OPEN;
        });
    metrics.circuitTransition(endpoint, newState.name().toLowerCase(java.util.Locale.ROOT));
    if (newState == CircuitBreakerState.OPEN) {
      LOG.warnf(
          "Circuit of LLM endpoint %s opened after %d consecutive failures; skipped for %d ms",
          endpoint, failureThreshold, openDelay.toMillis());
    } else {
      LOG.infof("Circuit of LLM endpoint %s is %s", endpoint, newState);
    }
  }
}
