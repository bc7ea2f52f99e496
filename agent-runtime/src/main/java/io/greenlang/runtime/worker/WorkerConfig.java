package io.greenlang.runtime.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The step worker's settings ({@code greenlang.worker.*}); see {@link WorkerSettings}. */
@ConfigMapping(prefix = "greenlang.worker")
public interface WorkerConfig {

  /** Whether this process consumes its agent's tasks (when an agent configuration is given). */
  @WithDefault("true")
  boolean enabled();

  /** Worker loops in this process. */
  @WithDefault("1")
  int consumers();

  @WithDefault("2s")
  Duration blockTimeout();

  @WithDefault("60s")
  Duration claimIdleTime();

  @WithDefault("10s")
  Duration reclaimInterval();

  @WithDefault("5")
  int maxDeliveries();

  @WithDefault("10000")
  long deadLetterMaxLength();

  @WithDefault("1h")
  Duration consumerExpiry();

  @WithDefault("30s")
  Duration shutdownGrace();

  /** The settings as the worker classes take them, validated. */
  default WorkerSettings settings() {
    return new WorkerSettings(
        consumers(),
        blockTimeout(),
        claimIdleTime(),
        reclaimInterval(),
        maxDeliveries(),
        deadLetterMaxLength(),
        consumerExpiry(),
        shutdownGrace());
  }
}
