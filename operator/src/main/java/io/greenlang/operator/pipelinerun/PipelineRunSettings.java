package io.greenlang.operator.pipelinerun;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the PipelineRun orchestrator, from {@code greenlang.pipelinerun.*} properties. */
@ConfigMapping(prefix = "greenlang.pipelinerun")
public interface PipelineRunSettings {
  /** Wait before the second attempt of a step; doubled for each further attempt. */
  @WithDefault("5s")
  Duration retryBaseDelay();

  /** Longest wait between two attempts of a step. */
  @WithDefault("5m")
  Duration retryMaxDelay();

  /** Deadline of a compensation attempt whose step sets no timeoutSeconds. */
  @WithDefault("10m")
  Duration compensationTimeout();

  /**
   * How long a run's result stream is kept after the run ends (and after its deadline, while it
   * runs), so a late or repeated result still lands in a stream that goes away.
   */
  @WithDefault("1h")
  Duration resultRetention();

  /** How long one blocking XREAD over the active runs' result streams waits. */
  @WithDefault("5s")
  Duration resultReadBlock();

  /** How often a queued run checks for a free slot without being woken. */
  @WithDefault("30s")
  Duration queueRecheckInterval();

  /** How long a tenant's resolved Redis server (Region, Secret) is reused before reading again. */
  @WithDefault("30s")
  Duration serverCacheTtl();

  /** Connect and command timeout towards the tenants' Redis servers. */
  @WithDefault("5s")
  Duration redisTimeout();
}
