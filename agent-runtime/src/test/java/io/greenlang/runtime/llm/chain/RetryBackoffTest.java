package io.greenlang.runtime.llm.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.runtime.llm.FailureKind;
import io.greenlang.runtime.llm.provider.ProviderFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  private static final ProviderFailure SERVER_ERROR =
      new ProviderFailure(FailureKind.SERVER_ERROR, 500, null, "500");

  @Test
  void doublesFromTheInitialDelayUpToTheMaximumWithEqualJitter() {
    RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(3));

    assertThat(backoff.exponential(0)).isEqualTo(500);
    assertThat(backoff.exponential(1)).isEqualTo(1000);
    assertThat(backoff.exponential(2)).isEqualTo(2000);
    assertThat(backoff.exponential(3)).isEqualTo(3000);
    assertThat(backoff.exponential(80)).isEqualTo(3000);
    for (int i = 0; i < 200; i++) {
      RetryBackoff fresh = new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(3));
      assertThat(fresh.nextDelayInMillis(SERVER_ERROR)).isBetween(250L, 500L);
      assertThat(fresh.nextDelayInMillis(SERVER_ERROR)).isBetween(500L, 1000L);
      assertThat(fresh.nextDelayInMillis(SERVER_ERROR)).isBetween(1000L, 2000L);
    }
  }

  @Test
  void waitsExactlyAsLongAsTheProviderAskedCappedAtTheMaximum() {
    RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(3));

    assertThat(
            backoff.nextDelayInMillis(
                new ProviderFailure(FailureKind.RATE_LIMITED, 429, Duration.ofMillis(1234), "429")))
        .isEqualTo(1234);
    assertThat(
            backoff.nextDelayInMillis(
                new ProviderFailure(FailureKind.RATE_LIMITED, 429, Duration.ofMinutes(5), "429")))
        .isEqualTo(3000);
  }
}
