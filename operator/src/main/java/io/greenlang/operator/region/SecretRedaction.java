package io.greenlang.operator.region;

/**
 * Removes secret values from text that is about to leave the operator (status, Events, logs), as a
 * second line of defence behind messages that are built without them.
 */
public final class SecretRedaction {
  private static final String MASK = "****";

  private SecretRedaction() {}

  public static String scrub(String text, String... secrets) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 3) {
        result = result.replace(secret, MASK);
      }
    }
    return result;
  }

  /** The innermost cause's message, which names the real problem (refused, timed out, auth). */
  public static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }
}
