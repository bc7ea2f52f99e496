package io.greenlang.runtime.llm.provider;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider's non-2xx answer with what langchain4j's own {@link HttpException} leaves out: how
 * long the provider asked us to wait. langchain4j keeps it as the cause of the exception it maps
 * the status to, so the gateway finds it in the cause chain.
 */
public class ProviderHttpException extends HttpException {

  private final Duration retryAfter;

  /**
   * @param statusCode the HTTP status
   * @param body the response body (langchain4j's message); may contain provider text, never ours
   * @param retryAfter the wait the provider asked for, or null
   */
  public ProviderHttpException(int statusCode, String body, Duration retryAfter) {
    super(statusCode, body);
    this.retryAfter = retryAfter;
  }

  /** The wait from {@code retry-after-ms} or {@code Retry-After}, if the provider sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
