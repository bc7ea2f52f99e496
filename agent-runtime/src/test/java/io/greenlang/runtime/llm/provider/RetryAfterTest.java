package io.greenlang.runtime.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void readsDeltaSecondsHttpDatesAndMilliseconds() {
    assertThat(RetryAfter.parse(Optional.empty(), Optional.of("7"), NOW))
        .hasValue(Duration.ofSeconds(7));
    assertThat(
            RetryAfter.parse(Optional.empty(), Optional.of("Thu, 26 Nov 2026 10:00:30 GMT"), NOW))
        .hasValue(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse(Optional.of("1500"), Optional.of("2"), NOW))
        .as("retry-after-ms is more precise")
        .hasValue(Duration.ofMillis(1500));
    assertThat(RetryAfter.parse(Optional.of("12.3"), Optional.empty(), NOW))
        .hasValue(Duration.ofMillis(13));
  }

  @Test
  void aDateInThePastMeansNowAndNonsenseMeansNothing() {
    assertThat(
            RetryAfter.parse(Optional.empty(), Optional.of("Wed, 25 Nov 2026 10:00:00 GMT"), NOW))
        .hasValue(Duration.ZERO);
    assertThat(RetryAfter.parse(Optional.empty(), Optional.of("soon"), NOW)).isEmpty();
    assertThat(RetryAfter.parse(Optional.of("-5"), Optional.empty(), NOW)).isEmpty();
    assertThat(RetryAfter.parse(Optional.empty(), Optional.empty(), NOW)).isEmpty();
  }
}
