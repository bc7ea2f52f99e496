package io.greenlang.operator.agent;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentPhase;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gauge {@code greenlang_agents{phase}}: how many Agents are in each lifecycle phase, counted over
 * the Agent controller's cache when scraped. Every phase is registered at start (at 0 until the
 * controller has its cache), so dashboards and alerts see the series before the first Agent.
 */
@Startup
@ApplicationScoped
public class AgentPhaseGauge {
  public static final String NAME = "greenlang.agents";

  private final AtomicReference<Cache<Agent>> agents = new AtomicReference<>();

  public AgentPhaseGauge(MeterRegistry registry) {
    for (AgentPhase phase : AgentPhase.values()) {
      Gauge.builder(NAME, this, gauge -> gauge.count(phase))
          .tag("phase", phase.name())
          .description("Agents by lifecycle phase")
          .register(registry);
    }
  }

  /** Counts over this cache from now on (the Agent controller's primary cache). */
  void observe(Cache<Agent> cache) {
    agents.set(cache);
  }

  long count(AgentPhase phase) {
    Cache<Agent> cache = agents.get();
    if (cache == null) {
      return 0;
    }
    return cache.list(a -> a.getStatus() != null && a.getStatus().getPhase() == phase).count();
  }
}
