package io.greenlang.runtime.llm.provider;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a provider asks callers to wait: {@code retry-after-ms} (milliseconds, sent by
 * OpenAI and Azure OpenAI) when present, else {@code Retry-After} as delta-seconds or an HTTP date
 * (RFC 9110, section 10.2.3).
 */
public final class RetryAfter {

  private RetryAfter() {}

  /** The wait, if either header holds a usable value; never negative. */
  public static Optional<Duration> parse(
      Optional<String> retryAfterMs, Optional<String> retryAfter, Instant now) {
    Optional<Duration> millis = retryAfterMs.flatMap(RetryAfter::milliseconds);
    if (millis.isPresent()) {
      return millis;
    }
    return retryAfter.flatMap(value -> secondsOrDate(value.strip(), now));
  }

  private static Optional<Duration> milliseconds(String value) {
    try {
      double millis = Double.parseDouble(value.strip());
      return millis >= 0
          ? Optional.of(Duration.ofMillis((long) Math.ceil(millis)))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> secondsOrDate(String value, Instant now) {
    if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
