package io.greenlang.operator.pipelinerun;

import java.time.Duration;

/**
 * Exponential backoff between the attempts of a step: after attempt {@code n} failed, the next
 * waits {@code base × 2^(n-1)}, at most {@code max}.
 */
record RetryBackoff(Duration base, Duration max) {

  /** How long to wait after attempt {@code failedAttempt} (1 for the first) failed. */
  Duration after(int failedAttempt) {
    int doublings = Math.max(0, Math.min(failedAttempt - 1, 30));
    long millis = base.toMillis();
    long capped = max.toMillis();
    for (int i = 0; i < doublings && millis < capped; i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, capped));
  }
}
