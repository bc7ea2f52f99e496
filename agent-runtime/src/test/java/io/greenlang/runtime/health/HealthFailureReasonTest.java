package io.greenlang.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthFailureReasonTest {

  @Test
  void listsTheCauseChainOutermostFirst() {
    Exception failure =
        new IllegalStateException(
            "Unable to connect to cache:6379", new ConnectException("Connection refused"));

    assertThat(HealthFailureReason.describe(failure, List.of()))
        .isEqualTo(
            "IllegalStateException: Unable to connect to cache:6379"
                + " <- ConnectException: Connection refused");
  }

  @Test
  void dropsCausesWhoseMessageIsAlreadyShown() {
    ConnectException cause = new ConnectException("Connection refused");
    Exception failure = new RuntimeException(cause);

    // RuntimeException(cause) copies the cause's toString() into its own message.
    assertThat(HealthFailureReason.describe(failure, List.of()))
        .isEqualTo("RuntimeException: java.net.ConnectException: Connection refused");
  }

  @Test
  void masksSecrets() {
    Exception failure = new IllegalStateException("AUTH failed for password hunter2");

    assertThat(HealthFailureReason.describe(failure, List.of("hunter2", "")))
        .isEqualTo("IllegalStateException: AUTH failed for password ****");
  }
}
