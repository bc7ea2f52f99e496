package io.greenlang.runtime.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.greenlang.runtime.worker.TenantDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Long-term memory in a migrated database, connected as tenant login roles: pruning by capacity on
 * write, by age on write and periodically, one tenant never seeing another's memory, and an entry
 * written once per identity and deleted by id.
 */
class LongTermMemoryIT {

  private static final String A = "tenant-a";
  private static final String B = "tenant-b";

  private TenantDatabase database;
  private AgroalDataSource poolOfA;
  private AgroalDataSource poolOfB;

  @BeforeEach
  void database() throws SQLException {
    database = TenantDatabase.create();
    database.addTenant(A);
    database.addTenant(B);
    poolOfA = database.pool(A, 4);
    poolOfB = database.pool(B, 4);
  }

  @AfterEach
  void drop() throws SQLException {
    database.close();
  }

  @Test
  void keepsTheNewestEntriesOfTheAgentUpToItsCapacity() {
    LongTermMemory memory = new LongTermMemory(poolOfA, A, "advisor", limits(90, 5));

    List<Long> ids = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      ids.add(
          memory
              .record(i % 2 == 0 ? "even" : "odd", ShortTermMemoryIT.message("episode " + i))
              .orElseThrow()
              .id());
    }

    assertThat(memory.recall(null, 100))
        .extracting(MemoryEntry::id)
        .containsExactly(ids.get(7), ids.get(6), ids.get(5), ids.get(4), ids.get(3));
    assertThat(memory.recall("even", 100))
        .extracting(e -> e.content().get("text").asText())
        .containsExactly("episode 8", "episode 6", "episode 4");
    assertThat(memory.recall(null, 2)).hasSize(2);
  }

  @Test
  void entriesPastTheRetentionArePrunedOnWriteAndPeriodically() throws Exception {
    LongTermMemory memory = new LongTermMemory(poolOfA, A, "advisor", limits(30, 1000));
    insertAged(A, "advisor", 40, 3);
    insertAged(A, "advisor", 10, 2);
    insertAged(A, "other-agent", 40, 1);

    memory.record("c", ShortTermMemoryIT.message("fresh"));

    assertThat(memory.recall(null, 100)).hasSize(3);
    assertThat(countAsAdmin("agent = 'other-agent'")).as("another agent's limits").isEqualTo(1);

    insertAged(A, "advisor", 31, 4);
    try (MemoryPruning pruning = MemoryPruning.start(memory, Duration.ofMillis(100))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> memory.recall(null, 100).size() == 3);
    }
    assertThat(memory.prune()).isEqualTo(new LongTermMemory.PruneResult(0, 0));
  }

  @Test
  void disabledLongTermMemoryRecordsNothing() throws Exception {
    LongTermMemory memory =
        new LongTermMemory(
            poolOfA,
            A,
            "advisor",
            new MemoryLimits(Duration.ofHours(1), 10, false, Duration.ofDays(1), 10));

    assertThat(memory.record(null, ShortTermMemoryIT.message("x"))).isEmpty();
    assertThat(countAsAdmin("true")).isZero();
  }

  @Test
  void aTenantSeesAndPrunesOnlyItsOwnMemory() throws Exception {
    LongTermMemory ofA = new LongTermMemory(poolOfA, A, "advisor", limits(90, 2));
    // B's runtime, misconfigured to claim tenant A's name, still acts as its own login role.
    LongTermMemory bPosingAsA = new LongTermMemory(poolOfB, A, "advisor", limits(90, 1));
    LongTermMemory ofB = new LongTermMemory(poolOfB, B, "advisor", limits(90, 1));
    ofA.record("c", ShortTermMemoryIT.message("a1"));
    ofA.record("c", ShortTermMemoryIT.message("a2"));
    ofB.record("c", ShortTermMemoryIT.message("b1"));

    assertThat(bPosingAsA.recall(null, 10)).isEmpty();
    assertThat(bPosingAsA.prune()).isEqualTo(new LongTermMemory.PruneResult(0, 0));
    assertThat(ofB.recall(null, 10))
        .extracting(e -> e.content().get("text").asText())
        .containsExactly("b1");
    assertThat(countAsAdmin("tenant_id = '" + A + "'")).isEqualTo(2);
  }

  private void insertAged(String tenant, String agent, int days, int count) throws SQLException {
    try (Connection connection = database.connect(tenant);
        Statement statement = connection.createStatement()) {
      for (int i = 0; i < count; i++) {
        statement.executeUpdate(
            "INSERT INTO greenlang.memory_entries (agent, content, created_at) VALUES ('"
                + agent
                + "', '{\"aged\": true}', now() - interval '"
                + days
                + " days')");
      }
    }
  }

  private long countAsAdmin(String condition) throws SQLException {
    try (Connection admin = database.admin();
        Statement statement = admin.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT count(*) FROM greenlang.memory_entries WHERE " + condition)) {
      row.next();
      return row.getLong(1);
    }
  }

  @Test
  void anEntryRecordedOncePerIdentityIsWrittenOnceEvenByConcurrentWritersAndDeletedIdempotently()
      throws Exception {
    LongTermMemory memory = new LongTermMemory(poolOfA, A, "advisor", limits(90, 100));
    ObjectNode identity = JsonNodeFactory.instance.objectNode();
    identity.putObject("recordedBy").put("taskId", "run-1/remember/1");
    ObjectNode content = identity.deepCopy();
    content.put("content", "assessed: low");

    List<CompletableFuture<MemoryEntry>> writers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      writers.add(
          CompletableFuture.supplyAsync(
              () -> memory.recordOnce("c-1", content, identity).orElseThrow()));
    }
    List<Long> ids = writers.stream().map(CompletableFuture::join).map(MemoryEntry::id).toList();

    assertThat(ids).containsOnly(ids.get(0));
    assertThat(memory.recall("c-1", 10))
        .singleElement()
        .satisfies(e -> assertThat(e.content()).isEqualTo(content));
    LongTermMemory otherAgent = new LongTermMemory(poolOfA, A, "other", limits(90, 100));
    LongTermMemory otherTenant = new LongTermMemory(poolOfB, B, "advisor", limits(90, 100));
    assertThat(otherAgent.delete(ids.get(0))).as("another agent's entry").isFalse();
    assertThat(otherTenant.delete(ids.get(0))).as("another tenant's entry").isFalse();
    assertThat(memory.delete(ids.get(0))).isTrue();
    assertThat(memory.delete(ids.get(0))).as("already deleted").isFalse();
    assertThat(memory.recall(null, 10)).isEmpty();
  }

  private static MemoryLimits limits(int retentionDays, int maxEntries) {
    return new MemoryLimits(
        Duration.ofHours(1), 10, true, Duration.ofDays(retentionDays), maxEntries);
  }
}
