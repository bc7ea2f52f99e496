package io.greenlang.runtime.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.crds.runtime.StepStreams;
import io.greenlang.crds.runtime.StepTask;
import io.lettuce.core.StreamMessage;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Handles one delivery of a task: run it, store the result once, publish it, and only then
 * acknowledge. A task whose result is stored already is answered with that result and not run
 * again; one delivered more than {@code max-deliveries} times is dead-lettered; one that cannot be
 * read or is not this agent's goes to the dead-letter stream without a result. Anything that fails
 * on the way (Redis, PostgreSQL) leaves the task unacknowledged, to be delivered again.
 */
final class TaskProcessor {

  private static final Logger LOG = Logger.getLogger(TaskProcessor.class);

  static final String MALFORMED_TASK = "MalformedTask";
  static final String MISROUTED_TASK = "MisroutedTask";

  private final AgentRuntimeConfiguration agent;
  private final StepExecutor executor;
  private final StepResultStore store;
  private final WorkerMetrics metrics;
  private final WorkerSettings settings;

  TaskProcessor(
      AgentRuntimeConfiguration agent,
      StepExecutor executor,
      StepResultStore store,
      WorkerMetrics metrics,
      WorkerSettings settings) {
    this.agent = agent;
    this.executor = executor;
    this.store = store;
    this.metrics = metrics;
    this.settings = settings;
  }

  /** Thrown at a checkpoint once the worker was told to drop its current task. */
  static final class TaskAbandoned extends RuntimeException {
    TaskAbandoned() {
      super("the worker stopped without finishing the task", null, false, false);
    }
  }

  /**
   * Handles one delivery.
   *
   * @param entry the stream entry
   * @param deliveries how often it has been delivered, this delivery included
   * @param stream the worker's view of the bus
   * @param consumer the worker's consumer name
   * @param heartbeats where claim renewals run while the tool does
   * @param abandoned true once the worker must stop acting on the task
   */
  void process(
      StreamMessage<String, String> entry,
      long deliveries,
      AgentTaskStream stream,
      String consumer,
      ScheduledExecutorService heartbeats,
      BooleanSupplier abandoned)
      throws SQLException {
    long received = System.nanoTime();
    metrics.consumed();
    String payload =
        entry.getBody() == null ? null : entry.getBody().get(StepStreams.PAYLOAD_FIELD);
    StepTask task;
    try {
      task = parse(payload);
    } catch (IllegalArgumentException e) {
      deadLetterWithoutResult(
          entry, payload, MALFORMED_TASK, e.getMessage(), deliveries, stream, consumer, abandoned);
      return;
    }
    if (!agent.getTenant().equals(task.tenant()) || !agent.getAgent().equals(task.agent())) {
      deadLetterWithoutResult(
          entry,
          payload,
          MISROUTED_TASK,
          "task for tenant "
              + task.tenant()
              + ", agent "
              + task.agent()
              + " on the task stream of tenant "
              + agent.getTenant()
              + ", agent "
              + agent.getAgent(),
          deliveries,
          stream,
          consumer,
          abandoned);
      return;
    }

    Optional<StoredStepResult> stored = store.find(task);
    if (stored.isPresent()) {
      checkpoint(abandoned);
      stream.publish(task.runUid(), stored.get().result());
      checkpoint(abandoned);
      stream.acknowledge(entry.getId());
      metrics.republished();
      return;
    }

    if (deliveries > settings.maxDeliveries()) {
      StoredStepResult dead =
          executor.deadLettered(task, consumer, deliveries, settings.maxDeliveries());
      checkpoint(abandoned);
      stream.deadLetter(
          entry.getId(),
          payload,
          dead.result().reason(),
          dead.result().message(),
          deliveries,
          consumer);
      finish(task, dead, entry, stream, abandoned, received);
      LOG.warnf("Task %s dead-lettered after %d deliveries", task.taskId(), deliveries);
      return;
    }

    ScheduledFuture<?> heartbeat = keepClaimed(task, entry.getId(), stream, consumer, heartbeats);
    StoredStepResult result;
    try {
      result = executor.run(task, consumer);
    } finally {
      heartbeat.cancel(false);
    }
    finish(task, result, entry, stream, abandoned, received);
  }

  private void finish(
      StepTask task,
      StoredStepResult result,
      StreamMessage<String, String> entry,
      AgentTaskStream stream,
      BooleanSupplier abandoned,
      long received)
      throws SQLException {
    checkpoint(abandoned);
    StoredStepResult stored = store.storeOnce(task, result);
    checkpoint(abandoned);
    stream.publish(task.runUid(), stored.result());
    checkpoint(abandoned);
    stream.acknowledge(entry.getId());
    metrics.completed(stored.result().outcome(), Duration.ofNanos(System.nanoTime() - received));
  }

  private void deadLetterWithoutResult(
      StreamMessage<String, String> entry,
      String payload,
      String reason,
      String message,
      long deliveries,
      AgentTaskStream stream,
      String consumer,
      BooleanSupplier abandoned) {
    checkpoint(abandoned);
    stream.deadLetter(entry.getId(), payload, reason, message, deliveries, consumer);
    checkpoint(abandoned);
    stream.acknowledge(entry.getId());
    metrics.deadLettered();
    LOG.warnf("Stream entry %s dead-lettered: %s: %s", entry.getId(), reason, message);
  }

  /**
   * Renews the claim every third of the claim idle time while the tool runs, so a long step is not
   * reclaimed from a live worker; renewals stop at the task's deadline, after which another worker
   * may take it over and fail it with DeadlineExceeded.
   */
  private ScheduledFuture<?> keepClaimed(
      StepTask task,
      String id,
      AgentTaskStream stream,
      String consumer,
      ScheduledExecutorService heartbeats) {
    long period = Math.max(1, settings.claimIdleTime().toMillis() / 3);
    return heartbeats.scheduleAtFixedRate(
        () -> {
          if (task.deadlineEpochMillis() > 0
              && System.currentTimeMillis() >= task.deadlineEpochMillis()) {
            return;
          }
          try {
            stream.keepClaimed(id, consumer);
          } catch (RuntimeException e) {
            LOG.debugf("Could not renew the claim on task %s: %s", task.taskId(), e.getMessage());
          }
        },
        period,
        period,
        TimeUnit.MILLISECONDS);
  }

  private static void checkpoint(BooleanSupplier abandoned) {
    if (abandoned.getAsBoolean()) {
      throw new TaskAbandoned();
    }
  }

  /**
   * The task in a payload, with the fields a result needs.
   *
   * @throws IllegalArgumentException naming what is missing or unreadable
   */
  static StepTask parse(String payload) {
    if (payload == null || payload.isBlank()) {
      throw new IllegalArgumentException(
          "the stream entry has no '" + StepStreams.PAYLOAD_FIELD + "' field");
    }
    StepTask task;
    try {
      task = CanonicalJson.MAPPER.readValue(payload, StepTask.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "'" + StepStreams.PAYLOAD_FIELD + "' is not a StepTask: " + e.getOriginalMessage());
    }
    require(task.taskId(), "taskId");
    require(task.tenant(), "tenant");
    require(task.runUid(), "runUid");
    require(task.step(), "step");
    require(task.agent(), "agent");
    if (task.attempt() < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, was " + task.attempt());
    }
    return task;
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the task has no " + field);
    }
  }
}
