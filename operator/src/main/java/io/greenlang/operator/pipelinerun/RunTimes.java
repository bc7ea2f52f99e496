package io.greenlang.operator.pipelinerun;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Times in a run's status: RFC 3339 with milliseconds, because attempt deadlines and retry delays
 * are often shorter than a second and the order of step completions decides the saga's order.
 */
final class RunTimes {
  private RunTimes() {}

  static String format(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  static Instant parse(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
