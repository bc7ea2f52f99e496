package io.greenlang.operator.pipelinerun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {
  @Test
  void doublesFromTheBaseUpToTheMaximum() {
    RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(5), Duration.ofMinutes(1));

    assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(40));
    assertThat(backoff.after(5)).isEqualTo(Duration.ofMinutes(1));
    assertThat(backoff.after(60)).isEqualTo(Duration.ofMinutes(1));
  }
}
