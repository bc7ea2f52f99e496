package io.greenlang.runtime.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepStreams;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.memory.AgentMemoryStore;
import io.greenlang.runtime.memory.LongTermMemory;
import io.greenlang.runtime.memory.MemoryLimits;
import io.greenlang.runtime.memory.ShortTermMemory;
import io.greenlang.testsupport.TestRedis;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One tenant's step bus for a test: a random tenant name (so its Redis keys {@code t:<tenant>:*}
 * are the test's alone), a migrated database with the tenant's login role, a connection pool as
 * that role, and helpers to publish tasks and read results. {@link #close()} stops every worker,
 * deletes the tenant's keys and drops the database and role.
 */
final class StepBus implements AutoCloseable {

  static final Duration FAST_BLOCK = Duration.ofMillis(100);

  final String tenant = "wt-" + TenantDatabase.randomHex(5);
  final String agent;
  final RedisClient client = RedisClient.create(TestRedis.server().toRedisUri());
  final StatefulRedisConnection<String, String> connection = client.connect();
  final RedisCommands<String, String> redis = connection.sync();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final TenantDatabase database;
  final AgroalDataSource pool;
  private final List<StepWorker> workers = new CopyOnWriteArrayList<>();

  StepBus(String agent) throws SQLException {
    this.agent = agent;
    this.database = TenantDatabase.create();
    database.addTenant(tenant);
    this.pool = database.pool(tenant, 20);
  }

  /** Quick settings for tests: reads block 100 ms, tasks are reclaimed after 500 ms idle. */
  static WorkerSettings fastSettings() {
    return WorkerSettings.defaults()
        .withBlockTimeout(FAST_BLOCK)
        .withReclaim(Duration.ofMillis(500), Duration.ofMillis(100));
  }

  /** The agent's configuration, declaring {@code toolNames} with the given settings. */
  AgentRuntimeConfiguration configuration(
      Map<String, Map<String, String>> toolSettings, String... toolNames) {
    AgentSpec spec = new AgentSpec();
    spec.setTenant(tenant);
    for (String name : toolNames) {
      io.greenlang.crds.agent.AgentTool declared = new io.greenlang.crds.agent.AgentTool(name);
      declared.getConfig().putAll(toolSettings.getOrDefault(name, Map.of()));
      spec.getTools().add(declared);
    }
    AgentRuntimeConfiguration configuration = new AgentRuntimeConfiguration();
    configuration.setTenant(tenant);
    configuration.setAgent(agent);
    configuration.setSpec(spec);
    return configuration;
  }

  /** Workers of this agent running {@code tools}, each declared without settings. */
  StepWorkerFactory factory(WorkerSettings settings, AgentTool... tools) {
    return factory(
        settings,
        configuration(Map.of(), Arrays.stream(tools).map(AgentTool::name).toArray(String[]::new)),
        tools);
  }

  StepWorkerFactory factory(
      WorkerSettings settings, AgentRuntimeConfiguration configuration, AgentTool... tools) {
    MemoryLimits limits = MemoryLimits.of(null);
    AgentMemoryStore memory =
        new AgentMemoryStore(
            new ShortTermMemory(connection, tenant, agent, limits, Clock.systemUTC()),
            new LongTermMemory(pool, tenant, agent, limits),
            limits);
    return new StepWorkerFactory(
        client,
        pool,
        configuration,
        new ToolRegistry(List.of(tools)),
        memory,
        settings,
        meters,
        Clock.systemUTC());
  }

  /** A new worker of {@code factory}, started; stopped at {@link #close()} at the latest. */
  StepWorker start(StepWorkerFactory factory) {
    StepWorker worker = factory.create();
    workers.add(worker);
    worker.start();
    return worker;
  }

  StepTask task(String runUid, String step, String tool, Map<String, Object> inputs) {
    return task(runUid, step, 1, tool, inputs, 0);
  }

  StepTask task(
      String runUid,
      String step,
      int attempt,
      String tool,
      Map<String, Object> inputs,
      long deadlineEpochMillis) {
    return new StepTask(
        StepTask.taskId(runUid, step, attempt, false),
        tenant,
        "gl-" + tenant,
        "run-" + runUid,
        runUid,
        step,
        attempt,
        agent,
        tool,
        inputs,
        false,
        deadlineEpochMillis);
  }

  String tasksStream() {
    return StepStreams.tasks(tenant, agent);
  }

  String deadLetterStream() {
    return StepStreams.deadLetters(tenant, agent);
  }

  /** Publishes the task as the operator does; returns the stream entry id. */
  String publish(StepTask task) {
    try {
      return redis.xadd(
          tasksStream(),
          Map.of(StepStreams.PAYLOAD_FIELD, CanonicalJson.MAPPER.writeValueAsString(task)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every result published on the run's result stream so far, in order. */
  List<StepResult> results(String runUid) {
    List<StepResult> results = new ArrayList<>();
    for (StreamMessage<String, String> entry :
        redis.xrange(StepStreams.results(tenant, runUid), Range.create("-", "+"))) {
      try {
        results.add(
            CanonicalJson.MAPPER.readValue(
                entry.getBody().get(StepStreams.PAYLOAD_FIELD), StepResult.class));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return results;
  }

  /** Stored rows of the run (read as the superuser, who sees every tenant's rows). */
  List<String> storedTaskIds(String runUid) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection admin = database.admin();
        PreparedStatement select =
            admin.prepareStatement(
                "SELECT task_id FROM greenlang.step_results WHERE run_uid = ? ORDER BY task_id")) {
      select.setString(1, runUid);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  /** Tasks delivered and not acknowledged. */
  long pending() {
    return redis.xpending(tasksStream(), StepStreams.WORKER_GROUP).getCount();
  }

  double counter(String name) {
    var counter = meters.find("greenlang.worker.tasks." + name).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() throws SQLException {
    try {
      workers.forEach(worker -> worker.stop(Duration.ZERO));
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page =
            redis.scan(cursor, ScanArgs.Builder.matches("t:" + tenant + ":*").limit(500));
        if (!page.getKeys().isEmpty()) {
          redis.del(page.getKeys().toArray(String[]::new));
        }
        cursor = page;
      } while (!cursor.isFinished());
      connection.close();
      client.shutdown();
    } finally {
      database.close();
    }
  }
}
