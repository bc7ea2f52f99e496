package io.greenlang.operator.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Decides whether a status must be written, by comparing the JSON form of the stored and the
 * computed status; writing only on real change keeps reconciles free of API writes when idle.
 */
public final class StatusChange {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StatusChange() {}

  /** Whether {@code computed} differs from {@code stored} in anything that would be serialised. */
  public static boolean differs(Object stored, Object computed) {
    JsonNode before = stored == null ? null : JSON.valueToTree(stored);
    JsonNode after = computed == null ? null : JSON.valueToTree(computed);
    return before == null ? after != null : !before.equals(after);
  }
}
