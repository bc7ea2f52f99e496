package io.greenlang.runtime.llm;

import java.util.UUID;

/**
 * An LLM request the gateway could not answer. The message says why in terms an operator can act on
 * and never contains an API key; {@link #kind()} classifies it, {@link #requestId()} finds its
 * usage records.
 */
public class LlmException extends RuntimeException {

  private final FailureKind kind;
  private final UUID requestId;

  public LlmException(FailureKind kind, UUID requestId, String message) {
    super(message);
    this.kind = kind;
    this.requestId = requestId;
  }

  /** Why the request failed; for a request that failed on every link, the last link's reason. */
  public FailureKind kind() {
    return kind;
  }

  /** The gateway request id, the {@code request_id} of its usage records. */
  public UUID requestId() {
    return requestId;
  }
}
