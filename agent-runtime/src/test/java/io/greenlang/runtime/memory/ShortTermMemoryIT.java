package io.greenlang.runtime.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.greenlang.runtime.worker.TenantDatabase;
import io.greenlang.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Short-term memory on the test Redis, under a random tenant's key prefix. */
class ShortTermMemoryIT {

  private final String tenant = "mt-" + TenantDatabase.randomHex(5);
  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;

  @BeforeEach
  void connect() {
    client = RedisClient.create(TestRedis.server().toRedisUri());
    connection = client.connect();
  }

  @AfterEach
  void cleanUp() {
    var keys = connection.sync().keys("t:" + tenant + ":*");
    if (!keys.isEmpty()) {
      connection.sync().del(keys.toArray(String[]::new));
    }
    connection.close();
    client.shutdown();
  }

  @Test
  void keepsTheNewestEntriesOfAConversationUpToItsCapacity() {
    ShortTermMemory memory = memory(limits(Duration.ofHours(1), 3), new MutableClock());

    for (int i = 1; i <= 5; i++) {
      memory.append("chat-1", message("turn " + i));
    }

    assertThat(memory.recent("chat-1", 10))
        .extracting(e -> e.content().get("text").asText())
        .containsExactly("turn 3", "turn 4", "turn 5");
    assertThat(memory.recent("chat-1", 2))
        .extracting(e -> e.content().get("text").asText())
        .containsExactly("turn 4", "turn 5");
    assertThat(connection.sync().llen(memory.key("chat-1"))).isEqualTo(3);
    assertThat(memory.key("chat-1")).isEqualTo("t:" + tenant + ":agent:advisor:memory:chat-1");
  }

  @Test
  void theConversationExpiresOneTtlAfterItsLastEntry() {
    ShortTermMemory memory = memory(limits(Duration.ofSeconds(1), 10), java.time.Clock.systemUTC());

    memory.append("chat-2", message("hello"));
    long ttl = connection.sync().pttl(memory.key("chat-2"));

    assertThat(ttl).isBetween(1L, 1000L);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> connection.sync().exists(memory.key("chat-2")) == 0);
    assertThat(memory.recent("chat-2", 10)).isEmpty();
  }

  @Test
  void entriesOlderThanTheTtlAreDroppedEvenWhileTheConversationGoesOn() {
    MutableClock clock = new MutableClock();
    ShortTermMemory memory = memory(limits(Duration.ofMinutes(10), 10), clock);

    memory.append("chat-3", message("old"));
    clock.advance(Duration.ofMinutes(6));
    memory.append("chat-3", message("middle"));
    clock.advance(Duration.ofMinutes(6));

    assertThat(memory.recent("chat-3", 10))
        .extracting(e -> e.content().get("text").asText())
        .containsExactly("middle");
    memory.append("chat-3", message("new"));
    assertThat(connection.sync().llen(memory.key("chat-3"))).as("trimmed on write").isEqualTo(2);
  }

  @Test
  void zeroEntriesKeepsNothingAndForgetDeletes() {
    ShortTermMemory none = memory(limits(Duration.ofHours(1), 0), new MutableClock());
    none.append("chat-4", message("ignored"));
    assertThat(connection.sync().exists(none.key("chat-4"))).isZero();

    ShortTermMemory memory = memory(limits(Duration.ofHours(1), 5), new MutableClock());
    memory.append("chat-4", message("kept"));
    memory.clear("chat-4");
    assertThat(memory.recent("chat-4", 5)).isEmpty();
  }

  @Test
  void conversationIdsThatCouldEscapeTheKeyPrefixAreRefused() {
    ShortTermMemory memory = memory(limits(Duration.ofHours(1), 5), new MutableClock());
    for (String bad : List.of("a:b", "*", "x y", "", "chat?")) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> memory.append(bad, message("x")))
          .withMessageStartingWith("conversation");
    }
  }

  private ShortTermMemory memory(MemoryLimits limits, java.time.Clock clock) {
    return new ShortTermMemory(connection, tenant, "advisor", limits, clock);
  }

  static MemoryLimits limits(Duration ttl, int maxEntries) {
    return new MemoryLimits(ttl, maxEntries, true, Duration.ofDays(90), 10_000);
  }

  static JsonNode message(String text) {
    return JsonNodeFactory.instance.objectNode().put("role", "user").put("text", text);
  }
}
