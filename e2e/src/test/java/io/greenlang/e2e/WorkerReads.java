package io.greenlang.e2e;

import io.greenlang.crds.runtime.StepStreams;
import io.greenlang.testsupport.RedisServerAddress;
import io.lettuce.core.RedisClient;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an agent's workers are doing on Redis, for the fault test: which of the tenant's connections
 * are blocked in {@code XREADGROUP} and for how long ({@code CLIENT LIST}), and which consumer
 * holds an unacknowledged task ({@code XPENDING}).
 */
final class WorkerReads {
  static final String GROUP = "workers";

  private WorkerReads() {}

  /** Seconds each of the tenant's blocked XREADGROUP calls has been waiting. */
  static List<Long> blockedReadAges(RedisServerAddress redis, String tenant) {
    try (RedisClient client = RedisClient.create(redis.toRedisUri());
        var connection = client.connect()) {
      return Arrays.stream(connection.sync().clientList().split("\n"))
          .map(WorkerReads::fields)
          .filter(f -> ("gl-" + tenant).equals(f.get("user")))
          .filter(
              f -> "xreadgroup".equals(f.get("cmd")) && f.getOrDefault("flags", "").contains("b"))
          .map(f -> Long.parseLong(f.get("idle")))
          .toList();
    }
  }

  /** The consumer holding an unacknowledged task of the agent, if one does. */
  static Optional<String> pendingConsumer(RedisServerAddress redis, String tenant, String agent) {
    try (RedisClient client = RedisClient.create(redis.toRedisUri());
        var connection = client.connect()) {
      var pending = connection.sync().xpending(StepStreams.tasks(tenant, agent), GROUP);
      return pending.getConsumerMessageCount().entrySet().stream()
          .filter(e -> e.getValue() > 0)
          .map(Map.Entry::getKey)
          .findFirst();
    }
  }

  private static Map<String, String> fields(String line) {
    Map<String, String> fields = new java.util.HashMap<>();
    for (String pair : line.trim().split(" ")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return fields;
  }
}
