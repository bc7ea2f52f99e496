package io.greenlang.runtime.worker;

import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.runtime.memory.AgentMemoryStore;
import io.greenlang.runtime.memory.LongTermMemory;
import io.greenlang.runtime.memory.MemoryLimits;
import io.greenlang.runtime.memory.MemoryPruning;
import io.greenlang.runtime.memory.ShortTermMemory;
import io.greenlang.runtime.redis.RedisSettings;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the step workers of the agent this process is configured for ({@code
 * greenlang.agent.configuration-file}), with every {@link AgentTool} bean, from startup until
 * shutdown; and prunes the agent's long-term memory periodically. Without an agent configuration
 * the runtime runs no worker.
 */
@ApplicationScoped
public class StepWorkerService {

  private static final Logger LOG = Logger.getLogger(StepWorkerService.class);

  @Inject RedisClient redisClient;
  @Inject StatefulRedisConnection<String, String> sharedConnection;
  @Inject RedisSettings redisSettings;
  @Inject DataSource dataSource;
  @Inject MeterRegistry meterRegistry;
  @Inject WorkerConfig workerConfig;
  @Inject @Any Instance<AgentTool> tools;

  @ConfigProperty(name = "greenlang.agent.configuration-file")
  Optional<String> configurationFile;

  @ConfigProperty(name = "greenlang.memory.prune-interval", defaultValue = "1h")
  Duration pruneInterval;

  private final List<StepWorker> workers = new ArrayList<>();
  private AgentRuntimeConfiguration agent;
  private AgentMemoryStore memory;
  private MemoryPruning pruning;

  void start(@Observes StartupEvent event) {
    if (configurationFile.isEmpty()) {
      LOG.info("No agent configuration (greenlang.agent.configuration-file): no step worker runs");
      return;
    }
    agent = AgentConfigurationFile.read(Path.of(configurationFile.get()));
    MemoryLimits limits =
        MemoryLimits.of(agent.getSpec() == null ? null : agent.getSpec().getMemory());
    Clock clock = Clock.systemUTC();
    LongTermMemory longTerm =
        new LongTermMemory(dataSource, agent.getTenant(), agent.getAgent(), limits);
    memory =
        new AgentMemoryStore(
            new ShortTermMemory(
                sharedConnection, agent.getTenant(), agent.getAgent(), limits, clock),
            longTerm,
            limits);
    pruning = MemoryPruning.start(longTerm, pruneInterval);
    if (!workerConfig.enabled()) {
      LOG.info("greenlang.worker.enabled is false: no step worker runs");
      return;
    }
    WorkerSettings settings = workerConfig.settings();
    if (settings.blockTimeout().compareTo(redisSettings.commandTimeout()) >= 0) {
      throw new IllegalStateException(
          "greenlang.worker.block-timeout ("
              + settings.blockTimeout()
              + ") must be shorter than greenlang.redis.command-timeout ("
              + redisSettings.commandTimeout()
              + "), or every blocking read times out");
    }
    StepWorkerFactory factory =
        new StepWorkerFactory(
            redisClient,
            dataSource,
            agent,
            new ToolRegistry(tools),
            memory,
            settings,
            meterRegistry,
            clock);
    synchronized (workers) {
      for (int i = 0; i < settings.consumers(); i++) {
        StepWorker worker = factory.create();
        workers.add(worker);
        worker.start();
      }
    }
  }

  void stop(@Observes ShutdownEvent event) {
    List<StepWorker> running;
    synchronized (workers) {
      running = List.copyOf(workers);
    }
    Duration grace = workerConfig.shutdownGrace();
    // Stop reading everywhere first, so no worker takes a new task while another finishes.
    running.parallelStream().forEach(worker -> worker.stop(grace));
    if (pruning != null) {
      pruning.close();
    }
  }

  /** The workers of this process (empty when it runs none). */
  public List<StepWorker> workers() {
    synchronized (workers) {
      return List.copyOf(workers);
    }
  }

  /** The agent this process runs, when it is configured with one. */
  public Optional<AgentRuntimeConfiguration> agent() {
    return Optional.ofNullable(agent);
  }

  /** The agent's memory, when the process is configured with an agent. */
  public Optional<AgentMemoryStore> memory() {
    return Optional.ofNullable(memory);
  }
}
