package io.greenlang.runtime.llm.config;

import io.greenlang.runtime.llm.GatewayOptions;
import io.greenlang.runtime.llm.RateLimit;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How the LLM gateway behaves ({@code greenlang.llm.*}, docs/runtime/configuration.md). */
@ConfigMapping(prefix = "greenlang.llm")
public interface LlmSettings {

  /** A price table file replacing the one shipped with the runtime. */
  Optional<Path> priceTable();

  /** The longest wait for a connection to a provider (a link's timeout, if shorter). */
  @WithDefault("10s")
  Duration connectTimeout();

  /** Circuit breakers, one per Region endpoint. */
  CircuitBreaker circuitBreaker();

  /** Retry backoff. */
  Retry retry();

  /** The tenant's LLM requests and tokens per minute; 0 is no limit. */
  Limits tenantRateLimit();

  /** Per Region endpoint name, the tenant's requests and tokens per minute at that endpoint. */
  Map<String, Limits> endpointRateLimits();

  /** Azure OpenAI. */
  AzureOpenAi azureOpenai();

  /** Usage records. */
  Usage usage();

  /** {@code greenlang.llm.usage.*}. */
  interface Usage {
    /**
     * Whether writing a usage record waits for PostgreSQL's WAL flush; {@code false} turns {@code
     * synchronous_commit} off for that transaction only.
     */
    @WithDefault("true")
    boolean waitForFlush();
  }

  /** {@code greenlang.llm.circuit-breaker.*}. */
  interface CircuitBreaker {
    /** Consecutive failures that open an endpoint's circuit. */
    @WithDefault("5")
    int failureThreshold();

    /** How long an open circuit stays open before one trial call. */
    @WithDefault("60s")
    Duration delay();
  }

  /** {@code greenlang.llm.retry.*}. */
  interface Retry {
    /** The first backoff delay, doubled per retry. */
    @WithDefault("500ms")
    Duration initialDelay();

    /** The longest backoff delay and the longest Retry-After honoured. */
    @WithDefault("30s")
    Duration maxDelay();
  }

  /** Requests and tokens per minute. */
  interface Limits {
    @WithDefault("0")
    long requestsPerMinute();

    @WithDefault("0")
    long tokensPerMinute();
  }

  /** {@code greenlang.llm.azure-openai.*}. */
  interface AzureOpenAi {
    /** The data-plane API version sent as {@code api-version}. */
    @WithDefault(GatewayOptions.DEFAULT_AZURE_API_VERSION)
    String apiVersion();
  }

  /** These settings as gateway options, with Secrets under {@code secretsDirectory}. */
  default GatewayOptions toOptions(Path secretsDirectory) {
    Map<String, RateLimit> endpoints = new LinkedHashMap<>();
    endpointRateLimits()
        .forEach(
            (endpoint, limits) ->
                endpoints.put(
                    endpoint, new RateLimit(limits.requestsPerMinute(), limits.tokensPerMinute())));
    return new GatewayOptions(
        secretsDirectory,
        connectTimeout(),
        circuitBreaker().failureThreshold(),
        circuitBreaker().delay(),
        retry().initialDelay(),
        retry().maxDelay(),
        new RateLimit(tenantRateLimit().requestsPerMinute(), tenantRateLimit().tokensPerMinute()),
        endpoints,
        azureOpenai().apiVersion(),
        usage().waitForFlush());
  }
}
