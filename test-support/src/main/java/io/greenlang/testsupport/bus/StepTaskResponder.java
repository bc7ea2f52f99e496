package io.greenlang.testsupport.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepStreams;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.testsupport.RedisServerAddress;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for an agent's step workers in tests of the operator, which cannot depend on the
 * runtime: it reads the agent's task stream in consumer group {@value StepStreams#WORKER_GROUP},
 * answers each task with the {@link Reply} the test chooses, and publishes the {@link StepResult}
 * on the run's result stream, then acknowledges — the order and idempotency of the worker contract
 * (docs/runtime/worker.md): a task id answered once is answered again with the same stored result,
 * never run again.
 */
public final class StepTaskResponder implements AutoCloseable {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final String tenant;
  private final String agent;
  private final Behaviour behaviour;
  private final List<StepTask> deliveries = new CopyOnWriteArrayList<>();
  private final Map<String, StepResult> stored = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
  private final Thread loop;
  private volatile boolean running = true;

  /** What the test wants done with a task. */
  @FunctionalInterface
  public interface Behaviour {
    Reply reply(StepTask task);
  }

  /**
   * An answer: the outcome with outputs, reason and message, after {@code delay}; or {@code
   * silent}, no answer at all (a worker that never finishes).
   */
  public record Reply(
      StepResult.Outcome outcome,
      Map<String, Object> outputs,
      String reason,
      String message,
      Duration delay,
      boolean silent) {

    public static Reply succeed(Map<String, Object> outputs) {
      return new Reply(StepResult.Outcome.SUCCEEDED, outputs, null, null, Duration.ZERO, false);
    }

    public static Reply fail(String reason, String message) {
      return new Reply(StepResult.Outcome.FAILED, Map.of(), reason, message, Duration.ZERO, false);
    }

    public static Reply deadLetter() {
      return new Reply(
          StepResult.Outcome.DEAD_LETTERED,
          Map.of(),
          "MaxDeliveriesExceeded",
          "delivered too often",
          Duration.ZERO,
          false);
    }

    public static Reply never() {
      return new Reply(null, Map.of(), null, null, Duration.ZERO, true);
    }

    public Reply after(Duration wait) {
      return new Reply(outcome, outputs, reason, message, wait, silent);
    }
  }

  private StepTaskResponder(
      RedisServerAddress redis, String tenant, String agent, Behaviour behaviour) {
    this.client = RedisClient.create(redis.toRedisUri());
    this.connection = client.connect();
    this.tenant = tenant;
    this.agent = agent;
    this.behaviour = behaviour;
    createGroup(connection.sync());
    this.loop = new Thread(this::run, "responder-" + agent + "-" + NAMES.incrementAndGet());
    loop.setDaemon(true);
    loop.start();
  }

  /** Starts answering the tasks of {@code agent} of {@code tenant}. */
  public static StepTaskResponder start(
      RedisServerAddress redis, String tenant, String agent, Behaviour behaviour) {
    return new StepTaskResponder(redis, tenant, agent, behaviour);
  }

  /** Every task delivered, in order (a task published again appears again). */
  public List<StepTask> deliveries() {
    return List.copyOf(deliveries);
  }

  /** How often the task was run (not answered from the store). */
  public int executions(String taskId) {
    AtomicInteger count = executions.get(taskId);
    return count == null ? 0 : count.get();
  }

  /** Publishes the stored result of {@code taskId} once more, as a worker that crashed may. */
  public void publishAgain(String taskId) {
    StepResult result = stored.get(taskId);
    if (result == null) {
      throw new IllegalStateException("no result stored for " + taskId);
    }
    publish(connection.sync(), result);
  }

  private void run() {
    RedisCommands<String, String> redis = connection.sync();
    String stream = StepStreams.tasks(tenant, agent);
    Consumer<String> consumer = Consumer.from(StepStreams.WORKER_GROUP, "responder");
    while (running) {
      try {
        List<StreamMessage<String, String>> entries =
            redis.xreadgroup(
                consumer,
                XReadArgs.Builder.block(Duration.ofMillis(100)).count(10),
                XReadArgs.StreamOffset.lastConsumed(stream));
        for (StreamMessage<String, String> entry : entries) {
          handle(redis, stream, entry);
        }
      } catch (RuntimeException e) {
        if (running) {
          pause(Duration.ofMillis(100));
          createGroup(redis);
        }
      }
    }
  }

  private void handle(
      RedisCommands<String, String> redis, String stream, StreamMessage<String, String> entry) {
    StepTask task = read(entry.getBody().get(StepStreams.PAYLOAD_FIELD));
    deliveries.add(task);
    StepResult result = stored.get(task.taskId());
    if (result == null) {
      executions.computeIfAbsent(task.taskId(), id -> new AtomicInteger()).incrementAndGet();
      Reply reply = behaviour.reply(task);
      if (reply.silent()) {
        acknowledge(redis, stream, entry.getId());
        return;
      }
      pause(reply.delay());
      long started = System.currentTimeMillis();
      result = result(task, reply, started);
      stored.put(task.taskId(), result);
    }
    publish(redis, result);
    acknowledge(redis, stream, entry.getId());
  }

  private static StepResult result(StepTask task, Reply reply, long started) {
    Map<String, Object> outputs = reply.outputs() == null ? Map.of() : reply.outputs();
    boolean succeeded = reply.outcome() == StepResult.Outcome.SUCCEEDED;
    return new StepResult(
        task.taskId(),
        task.step(),
        task.attempt(),
        task.compensation(),
        reply.outcome(),
        outputs,
        sha256(write(outputs)),
        succeeded ? sha256("provenance:" + task.taskId() + ":" + write(outputs)) : null,
        7,
        "0.0125",
        reply.reason(),
        reply.message(),
        "responder",
        started,
        System.currentTimeMillis());
  }

  private void publish(RedisCommands<String, String> redis, StepResult result) {
    redis.xadd(
        StepStreams.results(tenant, runUidOf(result.taskId())),
        Map.of(StepStreams.PAYLOAD_FIELD, write(result)));
  }

  private static String runUidOf(String taskId) {
    return taskId.substring(0, taskId.indexOf('/'));
  }

  private static void acknowledge(RedisCommands<String, String> redis, String stream, String id) {
    redis.xack(stream, StepStreams.WORKER_GROUP, id);
    redis.xdel(stream, id);
  }

  private void createGroup(RedisCommands<String, String> redis) {
    try {
      redis.xgroupCreate(
          XReadArgs.StreamOffset.from(StepStreams.tasks(tenant, agent), "0"),
          StepStreams.WORKER_GROUP,
          XGroupCreateArgs.Builder.mkstream());
    } catch (RedisBusyException groupExists) {
      // Created by an earlier responder of the same agent.
    }
  }

  private static StepTask read(String payload) {
    try {
      return JSON.readValue(payload, StepTask.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a StepTask: " + payload, e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      loop.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
    client.shutdown();
  }
}
