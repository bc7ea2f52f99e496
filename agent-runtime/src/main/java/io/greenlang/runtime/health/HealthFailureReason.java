package io.greenlang.runtime.health;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns the exception behind a failed health check into a one-line reason an operator can act on,
 * with any configured secret masked out.
 */
final class HealthFailureReason {

  private static final int MAX_CAUSES = 5;

  private HealthFailureReason() {}

  /**
   * The messages of {@code failure} and its causes, outermost first, with every non-blank value of
   * {@code secrets} replaced by {@code ****}. Drivers sometimes echo connection parameters in their
   * messages; the health endpoint is unauthenticated, so nothing configured as secret may pass.
   */
  static String describe(Throwable failure, Collection<String> secrets) {
    List<String> parts = new ArrayList<>();
    Throwable current = failure;
    for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
      String message = current.getMessage() == null ? "" : current.getMessage().strip();
      String part = current.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
      // Wrapping exceptions often repeat their cause's message word for word.
      boolean repeated =
          parts.stream()
              .anyMatch(seen -> message.isEmpty() ? seen.equals(part) : seen.contains(message));
      if (!repeated) {
        parts.add(part);
      }
      current = current.getCause() == current ? null : current.getCause();
    }
    String reason = String.join(" <- ", parts);
    for (String secret : secrets) {
      if (secret != null && !secret.isBlank()) {
        reason = reason.replace(secret, "****");
      }
    }
    return reason;
  }
}
