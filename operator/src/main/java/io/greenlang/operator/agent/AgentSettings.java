package io.greenlang.operator.agent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the Agent reconciler, from {@code greenlang.agent.*} properties. */
@ConfigMapping(prefix = "greenlang.agent")
public interface AgentSettings {
  /**
   * How often an Agent is reconciled again without an event. Creating or deleting another Agent of
   * the tenant changes its quota count but sends this Agent no event, and the LLM key Secrets it
   * mounts are the user's, unwatched (the runtime reads a rotated key from the mounted file without
   * a restart). Each Agent costs one reconcile per interval: 10,000 Agents every 30 min are 5.6/s.
   */
  @WithDefault("30m")
  Duration recheckInterval();

  /**
   * How soon an Agent that waits for something it needs (a Secret it names, the tenant's
   * credentials, the Region) is tried again: the user's Secrets are not watched.
   */
  @WithDefault("10s")
  Duration retryInterval();
}
