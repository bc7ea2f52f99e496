package io.greenlang.testsupport.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request a {@link LocalLlmServer} received.
 *
 * @param method the HTTP method
 * @param path the path, such as {@code /v1/messages}
 * @param query the raw query string, or null
 * @param headers the headers, names in lower case
 * @param body the JSON body
 * @param receivedAt when it arrived
 */
public record RecordedLlmRequest(
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    JsonNode body,
    Instant receivedAt) {

  /** The first value of a header (name in any case), or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
