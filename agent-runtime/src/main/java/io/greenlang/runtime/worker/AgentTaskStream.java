package io.greenlang.runtime.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepStreams;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Redis side of one agent's step bus, as one worker (consumer) uses it: its task stream and
 * consumer group, the dead-letter stream and the result streams of runs. Every key is under the
 * tenant's {@code t:<tenant>:} prefix, so the tenant's Redis ACL user is enough.
 */
final class AgentTaskStream {

  /** Stream id XAUTOCLAIM returns once it has gone through the whole pending entries list. */
  static final String SCAN_COMPLETE = "0-0";

  /**
   * Renews the claim on a pending task (XCLAIM JUSTID resets its idle time without counting a
   * delivery), but only while this consumer still owns it: after a reclaim it belongs to another.
   */
  private static final String KEEP_CLAIMED =
      """
      local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
      if p[1] and p[1][2] == ARGV[2] then
        redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'JUSTID')
        return 1
      end
      return 0
      """;

  /**
   * Deletes consumers that hold no pending task and were silent longer than ARGV[2] ms. Checked and
   * deleted atomically: deleting a consumer deletes its pending entries too.
   */
  private static final String REMOVE_IDLE_CONSUMERS =
      """
      local removed = 0
      for _, c in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
        local info = {}
        for i = 1, #c, 2 do info[c[i]] = c[i + 1] end
        if info['pending'] == 0 and info['idle'] > tonumber(ARGV[2]) then
          redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], info['name'])
          removed = removed + 1
        end
      end
      return removed
      """;

  /** Acknowledges and deletes a task in one step (XACKDEL needs Redis 8.2). */
  private static final String ACKNOWLEDGE =
      """
      redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
      return redis.call('XDEL', KEYS[1], ARGV[2])
      """;

  private final RedisCommands<String, String> redis;
  private final String tenant;
  private final String tasks;
  private final String deadLetters;
  private final WorkerSettings settings;

  AgentTaskStream(
      RedisCommands<String, String> redis, String tenant, String agent, WorkerSettings settings) {
    this.redis = redis;
    this.tenant = tenant;
    this.tasks = StepStreams.tasks(tenant, agent);
    this.deadLetters = StepStreams.deadLetters(tenant, agent);
    this.settings = settings;
  }

  String tasksKey() {
    return tasks;
  }

  /**
   * Creates the consumer group, and the stream with it, unless it exists. The group starts at the
   * stream's beginning, so tasks published before any worker existed are delivered too.
   */
  void ensureGroup() {
    try {
      redis.xgroupCreate(
          XReadArgs.StreamOffset.from(tasks, "0"),
          StepStreams.WORKER_GROUP,
          XGroupCreateArgs.Builder.mkstream());
    } catch (RedisCommandExecutionException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
        throw e;
      }
    }
  }

  /** Whether {@code e} says the group (or the stream) is gone, so it must be created again. */
  static boolean isMissingGroup(RuntimeException e) {
    return e instanceof RedisCommandExecutionException
        && e.getMessage() != null
        && e.getMessage().startsWith("NOGROUP");
  }

  /** At most one task never delivered before, waiting up to the block timeout for one. */
  List<StreamMessage<String, String>> readNew(String consumer) {
    return redis.xreadgroup(
        Consumer.from(StepStreams.WORKER_GROUP, consumer),
        XReadArgs.Builder.count(1).block(settings.blockTimeout()),
        XReadArgs.StreamOffset.lastConsumed(tasks));
  }

  /**
   * Claims at most one task idle for longer than the claim idle time, scanning from {@code from}.
   */
  ClaimedMessages<String, String> claimIdle(String consumer, String from) {
    return redis.xautoclaim(
        tasks,
        new XAutoClaimArgs<String>()
            .consumer(Consumer.from(StepStreams.WORKER_GROUP, consumer))
            .minIdleTime(settings.claimIdleTime())
            .startId(from)
            .count(1));
  }

  /** How often the task was delivered (XPENDING), or 0 when it is no longer pending. */
  long deliveries(String id) {
    List<PendingMessage> pending =
        redis.xpending(tasks, StepStreams.WORKER_GROUP, Range.create(id, id), Limit.from(1));
    return pending.isEmpty() ? 0 : pending.get(0).getRedeliveryCount();
  }

  /** Renews this consumer's claim on a task; false when another consumer has reclaimed it. */
  boolean keepClaimed(String id, String consumer) {
    Long kept =
        redis.eval(
            KEEP_CLAIMED,
            ScriptOutputType.INTEGER,
            new String[] {tasks},
            StepStreams.WORKER_GROUP,
            consumer,
            id);
    return kept != null && kept == 1;
  }

  /**
   * Acknowledges the task and deletes it from the stream, atomically: its result is stored and
   * published, and the stream keeps only tasks that are waiting or running.
   */
  void acknowledge(String id) {
    redis.eval(
        ACKNOWLEDGE, ScriptOutputType.INTEGER, new String[] {tasks}, StepStreams.WORKER_GROUP, id);
  }

  /** Copies the task to the dead-letter stream with why it is there. */
  void deadLetter(
      String id, String payload, String reason, String message, long deliveries, String consumer) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put(StepStreams.PAYLOAD_FIELD, payload == null ? "" : payload);
    entry.put("reason", reason);
    entry.put("message", message);
    entry.put("deliveries", Long.toString(deliveries));
    entry.put("consumer", consumer);
    entry.put("taskEntryId", id);
    redis.xadd(
        deadLetters,
        XAddArgs.Builder.maxlen(settings.deadLetterMaxLength()).approximateTrimming(),
        entry);
  }

  /** Publishes a result on the run's result stream. */
  void publish(String runUid, StepResult result) {
    String json;
    try {
      json = CanonicalJson.MAPPER.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored result is always JSON", e);
    }
    redis.xadd(StepStreams.results(tenant, runUid), Map.of(StepStreams.PAYLOAD_FIELD, json));
  }

  /** Tasks delivered to the group's consumers and not yet acknowledged. */
  long pending() {
    Long count = redis.xpending(tasks, StepStreams.WORKER_GROUP).getCount();
    return count == null ? 0 : count;
  }

  /** Removes consumers of stopped workers; see {@link WorkerSettings#consumerExpiry()}. */
  long removeIdleConsumers(Duration expiry) {
    Long removed =
        redis.eval(
            REMOVE_IDLE_CONSUMERS,
            ScriptOutputType.INTEGER,
            new String[] {tasks},
            StepStreams.WORKER_GROUP,
            Long.toString(expiry.toMillis()));
    return removed == null ? 0 : removed;
  }
}
