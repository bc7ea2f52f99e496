package io.greenlang.operator.agent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the Agent reconciler, from {@code greenlang.agent.*} properties. */
@ConfigMapping(prefix = "greenlang.agent")
public interface AgentSettings {
  /**
   * How often an Agent's rules are checked again without an event. Creating or deleting another
   * Agent of the tenant changes its quota count but sends this Agent no event.
   */
  @WithDefault("60s")
  Duration recheckInterval();
}
