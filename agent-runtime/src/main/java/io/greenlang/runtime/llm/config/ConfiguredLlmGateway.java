package io.greenlang.runtime.llm.config;

import io.agroal.api.AgroalDataSource;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.runtime.llm.LlmGateway;
import io.greenlang.runtime.llm.cost.PriceTableFile;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The gateway of the agent this process runs, built on first use from {@code
 * greenlang.agent.configuration-file} and {@code greenlang.llm.*}. A process started without an
 * agent configuration has none: {@link #gateway()} is empty, and the rest of the runtime works.
 * Built at startup when an agent is configured, so its meters (circuit states, budgets, the
 * per-provider series at zero) are exported from the first scrape.
 */
@ApplicationScoped
public class ConfiguredLlmGateway {

  private static final Logger LOG = Logger.getLogger(ConfiguredLlmGateway.class);

  @Inject AgentSettings agentSettings;
  @Inject LlmSettings llmSettings;
  @Inject StatefulRedisConnection<String, String> redis;
  @Inject AgroalDataSource dataSource;
  @Inject MeterRegistry meterRegistry;

  private volatile Optional<LlmGateway> gateway;

  void buildAtStartup(@Observes StartupEvent event) {
    try {
      gateway();
    } catch (RuntimeException e) {
      // The first call builds it again and reports the problem to its caller.
      LOG.warnf("LLM gateway not built at startup: %s", e.getMessage());
    }
  }

  /** The gateway, or empty when no agent is configured. */
  public Optional<LlmGateway> gateway() {
    Optional<LlmGateway> built = gateway;
    if (built == null) {
      synchronized (this) {
        built = gateway;
        if (built == null) {
          built =
              agentSettings
                  .configurationFile()
                  .map(file -> build(AgentConfigurationFile.read(file)));
          gateway = built;
        }
      }
    }
    return built;
  }

  /**
   * The gateway.
   *
   * @throws IllegalStateException when no agent is configured
   */
  public LlmGateway require() {
    return gateway()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "This runtime has no agent: set greenlang.agent.configuration-file"
                        + " (GL_AGENT_CONFIG) to the agent.yaml the operator mounts"));
  }

  private LlmGateway build(AgentRuntimeConfiguration agent) {
    LlmGateway built =
        LlmGateway.builder()
            .agent(agent)
            .options(llmSettings.toOptions(agentSettings.secretsDir()))
            .prices(
                llmSettings
                    .priceTable()
                    .map(PriceTableFile::read)
                    .orElseGet(PriceTableFile::bundled))
            .redis(redis.sync())
            .dataSource(dataSource)
            .meterRegistry(meterRegistry)
            .build();
    LOG.infof(
        "LLM gateway of agent %s (tenant %s): chain %s",
        built.chain().agent(),
        built.chain().tenant(),
        built.chain().links().stream().map(l -> l.describe()).toList());
    return built;
  }
}
