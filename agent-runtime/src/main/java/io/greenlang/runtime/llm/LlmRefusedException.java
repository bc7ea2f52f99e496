package io.greenlang.runtime.llm;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The gateway refused to send the request: the tenant's budget, daily token quota or rate limit
 * does not allow it now, or no link of the chain may receive the agent's data class. Nothing was
 * sent to a provider.
 */
public class LlmRefusedException extends LlmException {

  private final Duration retryAfter;

  public LlmRefusedException(
      FailureKind kind, UUID requestId, String message, Duration retryAfter) {
    super(kind, requestId, message);
    this.retryAfter = retryAfter;
  }

  /** When trying again may succeed (rate limits), if the gateway can tell. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
