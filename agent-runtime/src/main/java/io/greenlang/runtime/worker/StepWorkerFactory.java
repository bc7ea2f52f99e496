package io.greenlang.runtime.worker;

import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.runtime.audit.AuditRecorder;
import io.greenlang.runtime.memory.MemoryStore;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Makes the step workers of one agent: each with a consumer name of its own and a Redis connection
 * of its own (a blocking XREADGROUP holds its connection), sharing the tools, the result store and
 * the metrics.
 */
public final class StepWorkerFactory {

  private final RedisClient client;
  private final AgentRuntimeConfiguration agent;
  private final WorkerSettings settings;
  private final WorkerMetrics metrics;
  private final TaskProcessor processor;
  private final String host;

  /**
   * @param client the Redis client workers open their connections with
   * @param dataSource where results and their audit events are stored, connected as the tenant's
   *     login role
   * @param agent the agent these workers run (tenant, name, declared tools)
   * @param tools every tool of the runtime
   * @param memory the agent's memory, handed to tools
   * @param settings how workers behave
   * @param meters where the metrics go
   * @param clock the time tasks start and end, and deadlines are checked against
   */
  public StepWorkerFactory(
      RedisClient client,
      DataSource dataSource,
      AgentRuntimeConfiguration agent,
      ToolRegistry tools,
      MemoryStore memory,
      WorkerSettings settings,
      MeterRegistry meters,
      Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.agent = requireIdentity(agent);
    this.settings = settings;
    this.metrics = new WorkerMetrics(meters, agent.getTenant(), agent.getAgent());
    StepResultStore store = new StepResultStore(dataSource, new AuditRecorder(meters));
    this.processor =
        new TaskProcessor(
            agent, new StepExecutor(agent, tools, memory, store, clock), store, metrics, settings);
    this.host = hostName();
  }

  /** A new, unstarted worker with a fresh consumer name. */
  public StepWorker create() {
    byte[] suffix = new byte[4];
    ThreadLocalRandom.current().nextBytes(suffix);
    return new StepWorker(
        host + "-" + HexFormat.of().formatHex(suffix),
        client,
        agent.getTenant(),
        agent.getAgent(),
        processor,
        metrics,
        settings);
  }

  public WorkerSettings settings() {
    return settings;
  }

  private static AgentRuntimeConfiguration requireIdentity(AgentRuntimeConfiguration agent) {
    Objects.requireNonNull(agent, "agent");
    if (agent.getTenant() == null || agent.getTenant().isBlank()) {
      throw new IllegalArgumentException("The agent configuration names no tenant");
    }
    if (agent.getAgent() == null || agent.getAgent().isBlank()) {
      throw new IllegalArgumentException("The agent configuration names no agent");
    }
    return agent;
  }

  /** The pod name in Kubernetes (HOSTNAME), else the host's name. */
  private static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "worker";
    }
  }
}
