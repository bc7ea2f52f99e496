package io.greenlang.runtime.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.runtime.worker.CanonicalJson;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Short-term memory of an agent's conversations: one Redis list per conversation, {@code
 * t:<tenant>:agent:<agent>:memory:<conversation>}, each element {@code <epoch millis> <JSON>}.
 * Appending trims the list to the newest {@code shortTermMaxEntries}, drops entries older than the
 * TTL and sets the key to expire one TTL after the append, all in one server-side script, so no
 * crash can leave a key without its expiry. Uses the connection (thread-safe, shared) only through
 * single commands and scripts, never MULTI, which would capture other threads' commands.
 */
public final class ShortTermMemory {

  /** Largest entry accepted, in characters of JSON. */
  public static final int MAX_ENTRY_CHARS = 256 * 1024;

  private static final String APPEND =
      """
      redis.call('RPUSH', KEYS[1], ARGV[1])
      redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
      local cutoff = tonumber(ARGV[4])
      while true do
        local head = redis.call('LINDEX', KEYS[1], 0)
        if not head then break end
        local at = tonumber(string.match(head, '^(%d+) '))
        if at and at < cutoff then redis.call('LPOP', KEYS[1]) else break end
      end
      redis.call('PEXPIRE', KEYS[1], ARGV[3])
      return redis.call('LLEN', KEYS[1])
      """;

  private final StatefulRedisConnection<String, String> redis;
  private final String keyPrefix;
  private final MemoryLimits limits;
  private final Clock clock;

  public ShortTermMemory(
      StatefulRedisConnection<String, String> redis,
      String tenant,
      String agent,
      MemoryLimits limits,
      Clock clock) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.keyPrefix = "t:" + tenant + ":agent:" + agent + ":memory:";
    this.limits = limits;
    this.clock = clock;
  }

  /** The Redis key of a conversation. */
  public String key(String conversation) {
    return keyPrefix + ConversationId.requireValid(conversation);
  }

  /** Appends an entry; see {@link MemoryStore#remember}. */
  public ShortTermEntry append(String conversation, JsonNode content) {
    String key = key(conversation);
    Objects.requireNonNull(content, "content");
    Instant now = clock.instant();
    ShortTermEntry entry = new ShortTermEntry(now, content);
    if (limits.shortTermMaxEntries() == 0) {
      return entry;
    }
    String json = CanonicalJson.write(content);
    if (json.length() > MAX_ENTRY_CHARS) {
      throw new IllegalArgumentException(
          "content of the short-term memory entry is "
              + json.length()
              + " characters of JSON; at most "
              + MAX_ENTRY_CHARS
              + " are kept");
    }
    long ttlMillis = limits.shortTermTtl().toMillis();
    redis
        .sync()
        .eval(
            APPEND,
            ScriptOutputType.INTEGER,
            new String[] {key},
            now.toEpochMilli() + " " + json,
            Integer.toString(limits.shortTermMaxEntries()),
            Long.toString(ttlMillis),
            Long.toString(now.toEpochMilli() - ttlMillis));
    return entry;
  }

  /** The newest entries younger than the TTL, oldest first; see {@link MemoryStore#recent}. */
  public List<ShortTermEntry> recent(String conversation, int limit) {
    String key = key(conversation);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    long cutoff = clock.millis() - limits.shortTermTtl().toMillis();
    List<ShortTermEntry> entries = new ArrayList<>();
    for (String element : redis.sync().lrange(key, -limit, -1)) {
      int space = element.indexOf(' ');
      long at = Long.parseLong(element.substring(0, space));
      if (at >= cutoff) {
        entries.add(new ShortTermEntry(Instant.ofEpochMilli(at), parse(element, space + 1, key)));
      }
    }
    return entries;
  }

  /** Deletes the conversation's list. */
  public void clear(String conversation) {
    redis.sync().del(key(conversation));
  }

  private static JsonNode parse(String element, int from, String key) {
    try {
      return CanonicalJson.MAPPER.readTree(element.substring(from));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable short-term memory entry in " + key, e);
    }
  }
}
