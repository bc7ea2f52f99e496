package io.greenlang.runtime.llm.chain;

import io.greenlang.runtime.llm.provider.ProviderFailure;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delay before each retry of one link: exponential (initial delay doubled per retry, capped at
 * the maximum) with "equal jitter" (a random point in the upper half of that delay, so that clients
 * that failed together do not retry together), or exactly the provider's {@code Retry-After} when
 * it sent one. SmallRye Fault Tolerance creates one instance per call.
 */
public final class RetryBackoff implements CustomBackoffStrategy {

  private final long initialMillis;
  private final long maxMillis;
  private int retries;

  public RetryBackoff(Duration initialDelay, Duration maxDelay) {
    this.initialMillis = initialDelay.toMillis();
    this.maxMillis = maxDelay.toMillis();
  }

  @Override
  public long nextDelayInMillis(Throwable exception) {
    int retry = retries++;
    if (exception instanceof ProviderFailure failure && failure.retryAfter().isPresent()) {
      // Retries with a longer Retry-After are not attempted at all (ProviderChain fails over).
      return Math.min(failure.retryAfter().get().toMillis(), maxMillis);
    }
    long ceiling = exponential(retry);
    long floor = ceiling / 2;
    return floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1);
  }

  /** {@code initial * 2^retry}, capped at the maximum. */
  long exponential(int retry) {
    long delay = initialMillis;
    for (int i = 0; i < retry && delay < maxMillis; i++) {
      delay *= 2;
    }
    return Math.min(delay, maxMillis);
  }
}
