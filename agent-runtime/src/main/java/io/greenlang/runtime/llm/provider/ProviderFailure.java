package io.greenlang.runtime.llm.provider;

import io.greenlang.runtime.llm.FailureKind;
import java.time.Duration;
import java.util.Optional;

/**
 * One failed attempt at one link, classified: what kind of failure, the HTTP status if the provider
 * answered, and how long it asked us to wait. The retry policy and the circuit breaker decide on
 * it. The message is safe to log: provider text in it has API keys removed.
 */
public class ProviderFailure extends RuntimeException {

  private final FailureKind kind;
  private final int httpStatus;
  private final Duration retryAfter;

  public ProviderFailure(FailureKind kind, int httpStatus, Duration retryAfter, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  public ProviderFailure(FailureKind kind, String message) {
    this(kind, 0, null, message);
  }

  public FailureKind kind() {
    return kind;
  }

  /** The provider's HTTP status, or 0 when it did not answer with one. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The wait the provider asked for ({@code Retry-After}), if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
