package io.greenlang.runtime.worker;

import java.time.Duration;

/**
 * How the step workers of a process behave ({@code greenlang.worker.*}, docs/runtime/worker.md).
 *
 * @param consumers worker loops in this process, each a consumer of its own in the group
 * @param blockTimeout how long one XREADGROUP waits for a task; also how quickly a stop is noticed
 * @param claimIdleTime how long a task may sit unacknowledged with a consumer that stopped renewing
 *     its claim before another worker reclaims it (XAUTOCLAIM min-idle-time)
 * @param reclaimInterval how often a worker looks for tasks to reclaim
 * @param maxDeliveries how often a task may be delivered; the next delivery dead-letters it
 * @param deadLetterMaxLength approximate length the dead-letter stream is trimmed to
 * @param consumerExpiry how long a consumer with nothing pending may be silent before it is removed
 *     from the group
 * @param shutdownGrace how long a stopping worker may take to finish its current task
 */
public record WorkerSettings(
    int consumers,
    Duration blockTimeout,
    Duration claimIdleTime,
    Duration reclaimInterval,
    int maxDeliveries,
    long deadLetterMaxLength,
    Duration consumerExpiry,
    Duration shutdownGrace) {

  public WorkerSettings {
    requireAtLeast("greenlang.worker.consumers", consumers, 1);
    requireAtLeast("greenlang.worker.max-deliveries", maxDeliveries, 1);
    requireAtLeast("greenlang.worker.dead-letter-max-length", deadLetterMaxLength, 1);
    requirePositive("greenlang.worker.block-timeout", blockTimeout);
    requirePositive("greenlang.worker.claim-idle-time", claimIdleTime);
    requirePositive("greenlang.worker.reclaim-interval", reclaimInterval);
    requirePositive("greenlang.worker.consumer-expiry", consumerExpiry);
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("greenlang.worker.shutdown-grace must not be negative");
    }
    if (consumerExpiry.compareTo(blockTimeout.multipliedBy(10)) < 0) {
      // A live consumer is silent for up to one block timeout between reads.
      throw new IllegalArgumentException(
          "greenlang.worker.consumer-expiry must be at least 10 times"
              + " greenlang.worker.block-timeout");
    }
  }

  /** The defaults of application.properties. */
  public static WorkerSettings defaults() {
    return new WorkerSettings(
        1,
        Duration.ofSeconds(2),
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        5,
        10_000,
        Duration.ofHours(1),
        Duration.ofSeconds(30));
  }

  /** These settings with another claim idle time and reclaim interval. */
  public WorkerSettings withReclaim(Duration claimIdleTime, Duration reclaimInterval) {
    return new WorkerSettings(
        consumers,
        blockTimeout,
        claimIdleTime,
        reclaimInterval,
        maxDeliveries,
        deadLetterMaxLength,
        consumerExpiry,
        shutdownGrace);
  }

  /** These settings with another maximum of deliveries. */
  public WorkerSettings withMaxDeliveries(int maxDeliveries) {
    return new WorkerSettings(
        consumers,
        blockTimeout,
        claimIdleTime,
        reclaimInterval,
        maxDeliveries,
        deadLetterMaxLength,
        consumerExpiry,
        shutdownGrace);
  }

  /** These settings with another block timeout. */
  public WorkerSettings withBlockTimeout(Duration blockTimeout) {
    return new WorkerSettings(
        consumers,
        blockTimeout,
        claimIdleTime,
        reclaimInterval,
        maxDeliveries,
        deadLetterMaxLength,
        consumerExpiry,
        shutdownGrace);
  }

  private static void requireAtLeast(String key, long value, long minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(key + " must be at least " + minimum + ", was " + value);
    }
  }

  private static void requirePositive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be positive, was " + value);
    }
  }
}
