package io.greenlang.runtime.llm;

import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the gateway behaves, independent of the agent: where API keys are mounted, circuit breaker
 * and retry timing, rate limits, provider API versions. The runtime fills it from {@code
 * greenlang.llm.*} (docs/runtime/configuration.md); tests build it directly.
 *
 * @param secretsDirectory where Secrets are mounted, one directory per Secret
 * @param connectTimeout how long opening a connection to a provider may take
 * @param circuitFailureThreshold consecutive failures after which an endpoint's circuit opens
 * @param circuitOpenDelay how long a circuit stays open before one trial call (half-open)
 * @param retryInitialDelay the first backoff delay; doubled for every further retry
 * @param retryMaxDelay the longest backoff delay, and the longest {@code Retry-After} honoured; a
 *     provider asking for a longer wait is failed over at once
 * @param tenantRateLimit the tenant's requests and tokens per minute, over all its agents
 * @param endpointRateLimits per Region endpoint name: the tenant's requests and tokens per minute
 *     at that endpoint (the provider account's limits)
 * @param azureApiVersion the {@code api-version} sent to Azure OpenAI
 * @param usageWaitForFlush whether writing a usage record waits for PostgreSQL's WAL flush (durable
 *     at once) or not ({@code synchronous_commit} off for that transaction: faster; a PostgreSQL
 *     server crash can lose the last fraction of a second of records)
 */
public record GatewayOptions(
    Path secretsDirectory,
    Duration connectTimeout,
    int circuitFailureThreshold,
    Duration circuitOpenDelay,
    Duration retryInitialDelay,
    Duration retryMaxDelay,
    RateLimit tenantRateLimit,
    Map<String, RateLimit> endpointRateLimits,
    String azureApiVersion,
    boolean usageWaitForFlush) {

  /** The Azure OpenAI data-plane API version used unless configured otherwise (GA, 2024-10-21). */
  public static final String DEFAULT_AZURE_API_VERSION = "2024-10-21";

  public GatewayOptions {
    Objects.requireNonNull(secretsDirectory, "secretsDirectory");
    requirePositive(connectTimeout, "connectTimeout");
    if (circuitFailureThreshold < 1) {
      throw new IllegalArgumentException(
          "greenlang.llm.circuit-breaker.failure-threshold must be at least 1, not "
              + circuitFailureThreshold);
    }
    requirePositive(circuitOpenDelay, "circuitOpenDelay");
    requirePositive(retryInitialDelay, "retryInitialDelay");
    requirePositive(retryMaxDelay, "retryMaxDelay");
    if (retryMaxDelay.compareTo(retryInitialDelay) < 0) {
      throw new IllegalArgumentException(
          "greenlang.llm.retry.max-delay ("
              + retryMaxDelay
              + ") must not be shorter than greenlang.llm.retry.initial-delay ("
              + retryInitialDelay
              + ")");
    }
    tenantRateLimit = Objects.requireNonNullElse(tenantRateLimit, RateLimit.NONE);
    endpointRateLimits = Map.copyOf(Objects.requireNonNullElse(endpointRateLimits, Map.of()));
    Objects.requireNonNull(azureApiVersion, "azureApiVersion");
  }

  /** The defaults of {@code application.properties}: 5 failures, 60 s open, 500 ms to 30 s. */
  public static GatewayOptions defaults() {
    return new GatewayOptions(
        Path.of(AgentRuntimeConfiguration.DEFAULT_SECRETS_DIR),
        Duration.ofSeconds(10),
        5,
        Duration.ofSeconds(60),
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        RateLimit.NONE,
        Map.of(),
        DEFAULT_AZURE_API_VERSION,
        true);
  }

  /** The rate limit of the endpoint named {@code endpoint}, or none. */
  public RateLimit endpointRateLimit(String endpoint) {
    return endpointRateLimits.getOrDefault(endpoint, RateLimit.NONE);
  }

  public GatewayOptions withSecretsDirectory(Path directory) {
    return new GatewayOptions(
        directory,
        connectTimeout,
        circuitFailureThreshold,
        circuitOpenDelay,
        retryInitialDelay,
        retryMaxDelay,
        tenantRateLimit,
        endpointRateLimits,
        azureApiVersion,
        usageWaitForFlush);
  }

  public GatewayOptions withCircuitBreaker(int failureThreshold, Duration openDelay) {
    return new GatewayOptions(
        secretsDirectory,
        connectTimeout,
        failureThreshold,
        openDelay,
        retryInitialDelay,
        retryMaxDelay,
        tenantRateLimit,
        endpointRateLimits,
        azureApiVersion,
        usageWaitForFlush);
  }

  public GatewayOptions withRetryDelays(Duration initialDelay, Duration maxDelay) {
    return new GatewayOptions(
        secretsDirectory,
        connectTimeout,
        circuitFailureThreshold,
        circuitOpenDelay,
        initialDelay,
        maxDelay,
        tenantRateLimit,
        endpointRateLimits,
        azureApiVersion,
        usageWaitForFlush);
  }

  public GatewayOptions withRateLimits(RateLimit tenant, Map<String, RateLimit> endpoints) {
    return new GatewayOptions(
        secretsDirectory,
        connectTimeout,
        circuitFailureThreshold,
        circuitOpenDelay,
        retryInitialDelay,
        retryMaxDelay,
        tenant,
        endpoints,
        azureApiVersion,
        usageWaitForFlush);
  }

  public GatewayOptions withUsageWaitForFlush(boolean waitForFlush) {
    return new GatewayOptions(
        secretsDirectory,
        connectTimeout,
        circuitFailureThreshold,
        circuitOpenDelay,
        retryInitialDelay,
        retryMaxDelay,
        tenantRateLimit,
        endpointRateLimits,
        azureApiVersion,
        waitForFlush);
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, not " + duration);
    }
  }
}
