package io.greenlang.testsupport.llm;

import java.time.Duration;
import java.util.Map;

/**
 * What a {@link LocalLlmServer} answers to one chat request, rendered in the server's wire format
 * (and as server-sent events when the request asks to stream).
 */
public sealed interface Reply {

  /**
   * An assistant message: text and/or one tool call, with the token counts to report.
   *
   * @param text the text, or null
   * @param toolName the tool called, or null
   * @param toolArguments the call's arguments as a JSON object, or null
   * @param inputTokens input tokens reported
   * @param outputTokens output tokens reported; negative: the request's max tokens
   * @param contentFiltered whether the answer ends as filtered by a content policy
   * @param reportUsage whether token counts are reported at all
   */
  record Answer(
      String text,
      String toolName,
      String toolArguments,
      int inputTokens,
      int outputTokens,
      boolean contentFiltered,
      boolean reportUsage)
      implements Reply {}

  /** An HTTP error in the wire format's error shape, with extra response headers. */
  record Error(int status, String type, String message, Map<String, String> headers)
      implements Reply {}

  /** A reply computed from the request's JSON body, such as token counts the request names. */
  record Computed(java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, Reply> reply)
      implements Reply {}

  /** Waits, then answers. */
  record Delayed(Duration delay, Reply then) implements Reply {}

  /**
   * Streams some text, then an error event mid-stream (Anthropic's {@code event: error}, as its API
   * sends when it is overloaded during a stream). Only for streaming requests.
   */
  record StreamError(String firstText, String type, String message) implements Reply {}

  static Reply text(String text) {
    return text(text, 12, 5);
  }

  static Reply text(String text, int inputTokens, int outputTokens) {
    return new Answer(text, null, null, inputTokens, outputTokens, false, true);
  }

  /** Text whose output token count is the max tokens the request allowed. */
  static Reply textUsingAllowedTokens(String text, int inputTokens) {
    return new Answer(text, null, null, inputTokens, -1, false, true);
  }

  static Reply toolCall(String toolName, String argumentsJson, int inputTokens, int outputTokens) {
    return new Answer(null, toolName, argumentsJson, inputTokens, outputTokens, false, true);
  }

  static Reply contentFiltered(String text, int inputTokens, int outputTokens) {
    return new Answer(text, null, null, inputTokens, outputTokens, true, true);
  }

  static Reply withoutUsage(String text) {
    return new Answer(text, null, null, 0, 0, false, false);
  }

  static Reply error(int status, String type, String message) {
    return new Error(status, type, message, Map.of());
  }

  static Reply error(int status, String type, String message, Map<String, String> headers) {
    return new Error(status, type, message, headers);
  }

  static Reply after(Duration delay, Reply then) {
    return new Delayed(delay, then);
  }
}
