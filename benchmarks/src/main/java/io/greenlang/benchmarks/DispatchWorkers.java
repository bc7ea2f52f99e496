package io.greenlang.benchmarks;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.runtime.memory.AgentMemoryStore;
import io.greenlang.runtime.memory.LongTermMemory;
import io.greenlang.runtime.memory.MemoryLimits;
import io.greenlang.runtime.memory.ShortTermMemory;
import io.greenlang.runtime.worker.StepWorker;
import io.greenlang.runtime.worker.StepWorkerFactory;
import io.greenlang.runtime.worker.ToolRegistry;
import io.greenlang.runtime.worker.WorkerSettings;
import io.greenlang.runtime.worker.tools.CsvValidationTool;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agent's step workers as its pods run them: the agent-runtime worker classes (without Quarkus)
 * in the benchmark JVM, connected with the tenant's own credentials from the Secret the operator
 * wrote (its PostgreSQL login role, its Redis ACL user).
 */
final class DispatchWorkers implements AutoCloseable {
  private final RedisClient redis;
  private final AgroalDataSource pool;
  private final StatefulRedisConnection<String, String> memoryConnection;
  private final List<StepWorker> workers = new ArrayList<>();

  /**
   * @param credentials the tenant's credentials Secret, decoded (keys of TenantCredentialsSecret)
   */
  DispatchWorkers(
      Map<String, String> credentials, String tenant, String agent, AgentSpec spec, int count)
      throws Exception {
    redis =
        RedisClient.create(
            RedisURI.builder()
                .withHost(credentials.get("redis-host"))
                .withPort(Integer.parseInt(credentials.get("redis-port")))
                .withAuthentication(
                    credentials.get("redis-username"),
                    credentials.get("redis-password").toCharArray())
                .build());
    String jdbcUrl =
        "jdbc:postgresql://"
            + credentials.get("postgres-host")
            + ":"
            + credentials.get("postgres-port")
            + "/"
            + credentials.get("postgres-database");
    pool =
        AgroalDataSource.from(
            new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(
                    config ->
                        config
                            .maxSize(count * 2)
                            .acquisitionTimeout(Duration.ofSeconds(30))
                            .connectionFactoryConfiguration(
                                factory ->
                                    factory
                                        .jdbcUrl(jdbcUrl)
                                        .principal(
                                            new NamePrincipal(credentials.get("postgres-username")))
                                        .credential(
                                            new SimplePassword(
                                                credentials.get("postgres-password"))))));
    AgentRuntimeConfiguration configuration = new AgentRuntimeConfiguration();
    configuration.setTenant(tenant);
    configuration.setAgent(agent);
    configuration.setSpec(spec);
    MemoryLimits limits = MemoryLimits.of(null);
    memoryConnection = redis.connect();
    AgentMemoryStore memory =
        new AgentMemoryStore(
            new ShortTermMemory(memoryConnection, tenant, agent, limits, Clock.systemUTC()),
            new LongTermMemory(pool, tenant, agent, limits),
            limits);
    WorkerSettings settings =
        new WorkerSettings(
            count,
            Duration.ofSeconds(2),
            Duration.ofSeconds(60),
            Duration.ofSeconds(10),
            5,
            10_000,
            Duration.ofHours(1),
            Duration.ofSeconds(30));
    StepWorkerFactory factory =
        new StepWorkerFactory(
            redis,
            pool,
            configuration,
            new ToolRegistry(List.of(new CsvValidationTool())),
            memory,
            settings,
            new SimpleMeterRegistry(),
            Clock.systemUTC());
    for (int i = 0; i < count; i++) {
      StepWorker worker = factory.create();
      worker.start();
      workers.add(worker);
    }
  }

  @Override
  public void close() {
    workers.parallelStream().forEach(w -> w.stop(Duration.ofSeconds(10)));
    memoryConnection.close();
    redis.shutdown();
    pool.close();
  }
}
