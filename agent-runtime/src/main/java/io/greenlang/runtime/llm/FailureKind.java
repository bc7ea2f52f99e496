package io.greenlang.runtime.llm;

import java.util.Locale;

/**
 * Why an LLM call did not succeed, and what the gateway does about it: retry the same provider,
 * fail over to the next one, fail the request (the provider rejected it), or refuse the request (a
 * limit of the tenant). The lower-case name is the {@code error_kind} of the usage record and the
 * {@code kind} tag of the error metrics.
 */
public enum FailureKind {
  /** The provider did not answer in time. */
  TIMEOUT(Handling.RETRY),
  /** The provider answered 429: its rate limit; honours {@code Retry-After}. */
  RATE_LIMITED(Handling.RETRY),
  /** The provider answered 5xx. */
  SERVER_ERROR(Handling.RETRY),
  /** The provider could not be reached: connection refused or reset, unknown host. */
  CONNECTION(Handling.RETRY),
  /** The provider answered something unusable, such as a body that is not its wire format. */
  PROVIDER_ERROR(Handling.RETRY),

  /** The endpoint's circuit breaker is open: skipped without waiting. */
  CIRCUIT_OPEN(Handling.FAIL_OVER),
  /** The gateway's own requests or tokens per minute for the endpoint are used up. */
  ENDPOINT_RATE_LIMITED(Handling.FAIL_OVER),
  /** The provider kind lacks what the request needs (embeddings, JSON mode without a schema). */
  UNSUPPORTED(Handling.FAIL_OVER),
  /** The link cannot be used as configured, such as a missing API key file. */
  CONFIGURATION(Handling.FAIL_OVER),
  /** The endpoint's location is not allowed for the agent's data class. */
  RESIDENCY(Handling.FAIL_OVER),

  /** The provider answered 400 (or 413, 422): the request itself is wrong. */
  INVALID_REQUEST(Handling.FAIL_REQUEST),
  /** The provider answered 401 or 403: the API key is wrong or lacks permission. */
  AUTHENTICATION(Handling.FAIL_REQUEST),
  /** The provider answered 404: the model (or Azure deployment) does not exist. */
  MODEL_NOT_FOUND(Handling.FAIL_REQUEST),
  /** The provider refused the content under its usage policy. */
  CONTENT_POLICY(Handling.FAIL_REQUEST),
  /** A streamed answer broke off after part of it had been passed on. */
  STREAM_INTERRUPTED(Handling.FAIL_REQUEST),

  /** The tenant's (or agent's) monthly budget does not allow another call. */
  BUDGET_EXHAUSTED(Handling.REFUSE),
  /** The tenant's LLM tokens for the day are used up. */
  TOKEN_QUOTA_EXHAUSTED(Handling.REFUSE),
  /** The tenant's requests or tokens per minute are used up. */
  TENANT_RATE_LIMITED(Handling.REFUSE),
  /** The budget and limits cannot be checked (Redis unavailable): the gateway fails closed. */
  LIMITS_UNAVAILABLE(Handling.REFUSE);

  /** What the gateway does after a failure of this kind. */
  public enum Handling {
    /** Retry the same link with backoff, then fail over. */
    RETRY,
    /** Try the next link at once. */
    FAIL_OVER,
    /** Stop: no other link would accept the request. */
    FAIL_REQUEST,
    /** Stop: the tenant may not make the call now. */
    REFUSE
  }

  private final Handling handling;

  FailureKind(Handling handling) {
    this.handling = handling;
  }

  public Handling handling() {
    return handling;
  }

  /** Whether the same link is tried again (with backoff). */
  public boolean retryable() {
    return handling == Handling.RETRY;
  }

  /** Whether a failure of this kind counts against the endpoint's circuit breaker. */
  public boolean countsAgainstEndpoint() {
    return handling == Handling.RETRY;
  }

  /** The lower-case name used in usage records and metric tags, such as {@code rate_limited}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
