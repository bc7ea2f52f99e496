package io.greenlang.runtime.memory;

import java.util.regex.Pattern;

/**
 * The rule for conversation ids. They become part of Redis key names, so they may not contain the
 * key separator {@code :} or the glob characters an ACL pattern or a SCAN would interpret.
 */
public final class ConversationId {

  private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$");

  private ConversationId() {}

  /**
   * Returns {@code conversation} when valid.
   *
   * @throws IllegalArgumentException naming the field and the rule otherwise
   */
  public static String requireValid(String conversation) {
    if (conversation == null || !VALID.matcher(conversation).matches()) {
      throw new IllegalArgumentException(
          "conversation "
              + (conversation == null
                  ? "is missing"
                  : "'" + shortened(conversation) + "' is invalid")
              + ": 1 to 128 characters, letters, digits and . _ @ -, starting with a letter or"
              + " digit");
    }
    return conversation;
  }

  private static String shortened(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "...";
  }
}
