package io.greenlang.runtime.llm;

import java.util.UUID;

/**
 * A provider rejected the request for a reason another provider would share (HTTP 400, 401, 403,
 * 404, a content policy) or a streamed answer broke off midway: the gateway failed fast, without
 * retrying or failing over.
 */
public class LlmRejectedException extends LlmException {

  public LlmRejectedException(FailureKind kind, UUID requestId, String message) {
    super(kind, requestId, message);
  }
}
