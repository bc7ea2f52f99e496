package io.greenlang.runtime.llm;

/**
 * Requests and tokens per minute; a value of zero or less means "no limit" for that measure.
 *
 * @param requestsPerMinute requests (calls to a provider) per minute
 * @param tokensPerMinute input plus output tokens per minute
 */
public record RateLimit(long requestsPerMinute, long tokensPerMinute) {

  /** No limit on either measure. */
  public static final RateLimit NONE = new RateLimit(0, 0);

  public boolean limitsRequests() {
    return requestsPerMinute > 0;
  }

  public boolean limitsTokens() {
    return tokensPerMinute > 0;
  }
}
