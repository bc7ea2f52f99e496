package io.greenlang.runtime.llm;

import java.util.List;
import java.util.UUID;

/**
 * Every link of the agent's chain failed or was skipped (after retries); the message lists each
 * link with its reason.
 */
public class LlmUnavailableException extends LlmException {

  private final List<String> linkFailures;

  public LlmUnavailableException(
      FailureKind lastKind, UUID requestId, String message, List<String> linkFailures) {
    super(lastKind, requestId, message);
    this.linkFailures = List.copyOf(linkFailures);
  }

  /** One line per link tried: its name and why it did not answer. */
  public List<String> linkFailures() {
    return linkFailures;
  }
}
