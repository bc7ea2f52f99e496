package io.greenlang.runtime.schema.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Appending, reading and verifying as the tenants' login roles, on real PostgreSQL: the chain the
 * database accepts is the chain {@link AuditCanonicalForm} describes, and concurrent appends queue.
 */
class AuditLedgerIT {

  private static final int CONCURRENT_APPENDS = 1_000;
  private static final int THREADS = 16;

  private static LedgerDatabase ledger;
  private final AuditLedgerClient client = new AuditLedgerClient();
  private final AuditChainVerifier verifier = new AuditChainVerifier();

  @BeforeAll
  static void tenants() throws SQLException {
    ledger = LedgerDatabase.withTenants("acme", "globex", "initech", "busy", "batch");
  }

  @AfterAll
  static void dropThem() throws SQLException {
    if (ledger != null) {
      ledger.close();
    }
  }

  @Test
  void aTenantRoleAppendsReadsAndVerifiesItsChain() throws SQLException {
    try (Connection acme = ledger.asTenant("acme")) {
      AuditEntry first =
          client.append(
              acme,
              AuditEvent.of(
                  "acme",
                  "user:alice@example.com",
                  "calculation.performed",
                  "calculation:cbam-2026-q1",
                  "success",
                  "{\"total\": 12.50, \"site\": \"Düsseldorf\"}"));
      AuditEntry second =
          client.append(
              acme,
              new AuditEvent(
                  "acme",
                  "agent:cbam-importer",
                  AuditEventType.DATA_IMPORT,
                  "dataset:imports-2026-q1",
                  AuditOutcome.FAILURE,
                  "{\"rows\": 3, \"errors\": [\"row 2: net mass missing\"]}"));

      assertThat(first.sequence()).isEqualTo(1);
      assertThat(first.previousHash()).isEqualTo(AuditCanonicalForm.GENESIS_HASH);
      assertThat(second.sequence()).isEqualTo(2);
      assertThat(second.previousHash()).isEqualTo(first.hash());
      assertThat(second.recordedAt()).isAfterOrEqualTo(first.recordedAt());
      assertThat(client.read(acme, "acme", 1, Long.MAX_VALUE, 100))
          .as("read back field for field, time to the microsecond")
          .containsExactly(first, second);
      assertThat(client.read(acme, "acme", 2, 2, 100)).containsExactly(second);
      assertThat(client.head(acme, "acme"))
          .hasValue(new ChainHead("acme", 2, second.hash(), second.recordedAt()));

      ChainVerification verification = verifier.verify(acme, "acme");
      assertThat(verification.intact()).isTrue();
      assertThat(verification.brokenLink()).isNull();
      assertThat(verification.entriesChecked()).isEqualTo(2);
      assertThat(verification.lastVerified()).isEqualTo(new ChainAnchor(2, second.hash()));
      ChainVerification sinceFirst =
          verifier.verify(acme, "acme", new ChainAnchor(1, first.hash()));
      assertThat(sinceFirst.intact()).isTrue();
      assertThat(sinceFirst.entriesChecked()).isEqualTo(1);
    }
  }

  @Test
  void theDatabaseHashesTheSameCanonicalFormAsTheDocumentedAuditorQuery() throws SQLException {
    try (Connection globex = ledger.asTenant("globex")) {
      for (int i = 0; i < 3; i++) {
        client.append(
            globex,
            AuditEvent.of(
                "globex", "user:zoë", "data.read", "report:r" + i, "success", "{\"i\":" + i + "}"));
      }
      // The query docs/runtime/audit-ledger.md gives auditors, hashed here instead of by sha256sum.
      Map<Long, String[]> rows = new TreeMap<>();
      try (Statement statement = globex.createStatement();
          ResultSet result =
              statement.executeQuery(
                  "SELECT sequence, previous_hash, hash,"
                      + " concat_ws(E'\\n', 'greenlang-audit-v1', id, tenant_id, sequence,"
                      + " to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'),"
                      + " actor, event_type, target, outcome, details, previous_hash) || E'\\n'"
                      + " FROM greenlang.audit_events WHERE tenant_id = 'globex' ORDER BY sequence")) {
        while (result.next()) {
          rows.put(
              result.getLong(1),
              new String[] {result.getString(2), result.getString(3), result.getString(4)});
        }
      }
      assertThat(rows).hasSize(3);
      String previous = AuditCanonicalForm.GENESIS_HASH;
      for (String[] row : rows.values()) {
        assertThat(row[0]).isEqualTo(previous);
        assertThat(
                AuditCanonicalForm.sha256Hex(
                    row[2].getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .isEqualTo(row[1]);
        previous = row[1];
      }
    }
  }

  @Test
  void thousandConcurrentAppendsToOneTenantMakeOneUnbrokenChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicInteger next = new AtomicInteger();
    List<Future<List<AuditEntry>>> workers = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        workers.add(
            pool.submit(
                () -> {
                  List<AuditEntry> appended = new ArrayList<>();
                  try (Connection busy = ledger.asTenant("busy")) {
                    for (int n = next.getAndIncrement();
                        n < CONCURRENT_APPENDS;
                        n = next.getAndIncrement()) {
                      appended.add(
                          client.append(
                              busy,
                              new AuditEvent(
                                  "busy",
                                  "agent:worker-" + Thread.currentThread().getId(),
                                  AuditEventType.AGENT_EXECUTED,
                                  "task:" + n,
                                  AuditOutcome.SUCCESS,
                                  "{\"n\":" + n + "}")));
                    }
                  }
                  return appended;
                }));
      }
      List<AuditEntry> all = new ArrayList<>();
      for (Future<List<AuditEntry>> worker : workers) {
        all.addAll(worker.get());
      }
      assertThat(all).hasSize(CONCURRENT_APPENDS);
      Set<Long> sequences = new HashSet<>();
      all.forEach(entry -> sequences.add(entry.sequence()));
      assertThat(sequences)
          .as("every sequence from 1 to 1,000 exactly once")
          .hasSize(CONCURRENT_APPENDS)
          .allMatch(s -> s >= 1 && s <= CONCURRENT_APPENDS);
    } finally {
      pool.shutdownNow();
    }

    try (Connection busy = ledger.asTenant("busy")) {
      ChainVerification verification = verifier.verify(busy, "busy");
      assertThat(new AuditChainVerifier(7).verify(busy, "busy"))
          .as("read in pages of 7")
          .isEqualTo(verification);
      assertThat(verification.brokenLink()).isNull();
      assertThat(verification.intact()).isTrue();
      assertThat(verification.entriesChecked()).isEqualTo(CONCURRENT_APPENDS);
      assertThat(verification.head().lastSequence()).isEqualTo(CONCURRENT_APPENDS);
      List<AuditEntry> chain = new ArrayList<>();
      for (long from = 1; from <= CONCURRENT_APPENDS; from += AuditLedgerClient.MAX_PAGE) {
        chain.addAll(client.read(busy, "busy", from, Long.MAX_VALUE, AuditLedgerClient.MAX_PAGE));
      }
      for (int i = 1; i < chain.size(); i++) {
        assertThat(chain.get(i).previousHash()).isEqualTo(chain.get(i - 1).hash());
        assertThat(chain.get(i).recordedAt()).isAfterOrEqualTo(chain.get(i - 1).recordedAt());
      }
    }
  }

  @Test
  void aTenantRoleCannotWriteOrReadAnotherTenantsChain() throws SQLException {
    try (Connection acme = ledger.asTenant("acme")) {
      AuditEvent forInitech =
          new AuditEvent(
              "initech",
              "user:mallory",
              AuditEventType.DATA_DELETED,
              "x",
              AuditOutcome.SUCCESS,
              "{}");
      assertThatThrownBy(() -> client.append(acme, forInitech))
          .isInstanceOf(AuditTenantAccessException.class)
          .hasMessageContaining("tenant initech");
      assertThatThrownBy(() -> verifier.verify(acme, "initech"))
          .isInstanceOf(AuditTenantAccessException.class)
          .hasMessage(
              "The database role of this connection acts for tenant acme, not for tenant initech");
      assertThatThrownBy(() -> client.read(acme, "initech", 1, 10, 10))
          .isInstanceOf(AuditTenantAccessException.class);
    }
    try (Connection admin = ledger.asSuperuser()) {
      assertThat(client.head(admin, "initech")).isEmpty();
    }
  }

  @Test
  void anAdminAppendsAsTheTenantsRole() throws SQLException {
    try (Connection admin = ledger.asSuperuser()) {
      // SET ROLE as the operator does for a logical tenant's rows.
      AuditEntry entry =
          client.appendAs(
              admin,
              ledger.roleOfTenant.get("initech"),
              new AuditEvent(
                  "initech",
                  "operator",
                  AuditEventType.AGENT_CREATED,
                  "agent:initech/cbam",
                  AuditOutcome.SUCCESS,
                  "{\"namespace\":\"gl-initech\"}"));
      assertThat(entry.sequence()).isEqualTo(1);
      try (Statement statement = admin.createStatement();
          ResultSet role = statement.executeQuery("SELECT current_user, current_setting('role')")) {
        role.next();
        assertThat(role.getString(2)).as("role setting restored").isEqualTo("none");
      }
      assertThat(verifier.verify(admin, "initech").intact()).isTrue();
    }
  }

  @Test
  void aBatchBecomesConsecutiveEntriesOfOneTenant() throws SQLException {
    try (Connection batched = ledger.asTenant("batch")) {
      long before = client.head(batched, "batch").map(ChainHead::lastSequence).orElse(0L);
      List<AuditEvent> batch = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        batch.add(
            new AuditEvent(
                "batch",
                "agent:cbam-importer",
                AuditEventType.CALCULATION_PERFORMED,
                "row:" + i,
                AuditOutcome.SUCCESS,
                "{\"row\":" + i + "}"));
      }
      List<AuditEntry> entries = client.appendAll(batched, batch);
      assertThat(entries)
          .extracting(AuditEntry::sequence)
          .containsExactly(before + 1, before + 2, before + 3, before + 4, before + 5);
      assertThat(verifier.verify(batched, "batch").intact()).isTrue();
      assertThatThrownBy(
              () ->
                  client.appendAll(
                      batched,
                      List.of(
                          batch.get(0),
                          new AuditEvent(
                              "acme",
                              "a",
                              AuditEventType.DATA_READ,
                              "t",
                              AuditOutcome.SUCCESS,
                              null))))
          .isInstanceOf(AuditFieldException.class)
          .hasMessageStartingWith("events: all events of one batch belong to one tenant");
    }
  }

  @Test
  void everyEventTypeIsInTheDatabaseWithItsCategory() throws SQLException {
    Map<String, String> stored = new TreeMap<>();
    try (Connection admin = ledger.asSuperuser();
        Statement statement = admin.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT event_type, category FROM greenlang.audit_event_types")) {
      while (rows.next()) {
        stored.put(rows.getString(1), rows.getString(2));
      }
    }
    Map<String, String> known = new TreeMap<>();
    for (AuditEventType type : AuditEventType.values()) {
      known.put(type.code(), type.category().code());
    }
    assertThat(stored).isEqualTo(known);
    try (Connection admin = ledger.asSuperuser();
        Statement statement = admin.createStatement();
        ResultSet check =
            statement.executeQuery(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE conname = 'audit_events_event_type_check'"
                    + " AND conrelid = 'greenlang.audit_events'::regclass")) {
      check.next();
      String definition = check.getString(1);
      for (AuditEventType type : AuditEventType.values()) {
        assertThat(definition).contains("'" + type.code() + "'::text");
      }
      assertThat(definition.split("::text")).hasSize(AuditEventType.values().length + 1);
    }
  }
}
