package io.greenlang.runtime.schema.audit;

import static io.greenlang.runtime.schema.AttackTable.refusedWith;
import static io.greenlang.runtime.schema.audit.LedgerDatabase.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.greenlang.runtime.schema.AttackTable;
import io.greenlang.runtime.schema.AttackTable.Attempt;
import io.greenlang.runtime.schema.AttackTable.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What the database itself refuses on the ledger, whoever asks: the application (a tenant's login
 * role) may only append entries that continue its chain; UPDATE, DELETE and TRUNCATE fail for the
 * tenant role, for the owner of the tables (even with row level security switched off) and for a
 * superuser who leaves the triggers on. Prints the table that is in docs/runtime/audit-ledger.md
 * ({@code ./mvnw -pl runtime-schema verify -Dtest=AuditLedgerAppendOnlyIT}).
 */
class AuditLedgerAppendOnlyIT {

  private static final String TENANT = "acme";
  private static final String DENIED = "42501";
  private static final String REFUSED = "GL001";
  private static final String UNLINKED = "GL002";
  private static final AttackTable TABLE = new AttackTable();

  private static LedgerDatabase ledger;
  private static final AuditLedgerClient CLIENT = new AuditLedgerClient();

  @BeforeAll
  static void aChainOfThreeEntries() throws SQLException {
    ledger = LedgerDatabase.ownedByARoleWithTenants(TENANT, "globex");
    try (Connection acme = ledger.asTenant(TENANT)) {
      for (int i = 1; i <= 3; i++) {
        CLIENT.append(
            acme,
            new AuditEvent(
                TENANT,
                "user:alice",
                AuditEventType.DATA_UPDATED,
                "dataset:d" + i,
                AuditOutcome.SUCCESS,
                "{\"i\":" + i + "}"));
      }
    }
  }

  @AfterAll
  static void printAndDrop() throws SQLException {
    TABLE.print(System.out, "Attempts on the audit ledger (AuditLedgerAppendOnlyIT)");
    if (ledger != null) {
      ledger.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> theLedgerCannotBeRewritten() {
    return Stream.concat(attempts().stream(), Stream.of(theChainStillHolds()))
        .map(
            attempt ->
                dynamicTest(
                    attempt.attempt(),
                    () -> {
                      Outcome outcome = TABLE.run(attempt);
                      assertThat(outcome.asExpected())
                          .as("%s as %s: %s", attempt.attempt(), attempt.as(), outcome.text())
                          .isTrue();
                    }));
  }

  private static List<Attempt> attempts() {
    String events = "greenlang.audit_events";
    String heads = "greenlang.audit_chain_heads";
    return List.of(
        asTenant("UPDATE an entry", DENIED, "UPDATE " + events + " SET actor = 'user:mallory'"),
        asTenant("DELETE an entry", DENIED, "DELETE FROM " + events + " WHERE sequence = 2"),
        asTenant("TRUNCATE the ledger", DENIED, "TRUNCATE " + events),
        asTenant(
            "advance the chain head by hand",
            UNLINKED,
            "UPDATE " + heads + " SET last_sequence = last_sequence + 1"),
        asTenant(
            "point the chain head at another hash",
            UNLINKED,
            "UPDATE " + heads + " SET last_hash = repeat('a', 64)"),
        asTenant("DELETE the chain head (restart the chain)", REFUSED, "DELETE FROM " + heads),
        asTenant("TRUNCATE the chain heads", DENIED, "TRUNCATE " + heads),
        forgedEntry("INSERT an entry that skips a sequence", 2, 0, null, false),
        forgedEntry("INSERT an entry with another previous_hash", 1, 0, "b".repeat(64), false),
        forgedEntry("INSERT an entry whose hash is not its canonical form's", 1, 0, null, true),
        forgedEntry("INSERT an entry dated in the future", 1, 86_400, null, false),
        forgedEntry("INSERT an entry dated before the previous one", 1, -86_400, null, false),
        asTenant(
            "INSERT an entry into another tenant's chain",
            DENIED,
            "INSERT INTO "
                + events
                + " (id, tenant_id, sequence, recorded_at, actor, event_type, target, outcome,"
                + " details, previous_hash) VALUES (gen_random_uuid(), 'globex', 1,"
                + " clock_timestamp(), 'a', 'data.deleted', 't', 'success', '{}', repeat('0', 64))"),
        asTenant(
            "INSERT an unknown event type",
            "23514",
            "INSERT INTO "
                + events
                + " (id, sequence, recorded_at, actor, event_type, target, outcome, details,"
                + " previous_hash) SELECT gen_random_uuid(), last_sequence + 1, clock_timestamp(),"
                + " 'a', 'data.shredded', 't', 'success', '{}', last_hash FROM "
                + heads),
        asTenant(
            "INSERT a chain head at sequence 500",
            UNLINKED,
            "INSERT INTO " + heads + " (last_sequence) VALUES (500)"),
        asOwner(
            "UPDATE an entry with row level security switched off",
            REFUSED,
            "ALTER TABLE " + events + " NO FORCE ROW LEVEL SECURITY",
            "UPDATE " + events + " SET actor = 'user:mallory'"),
        asOwner(
            "DELETE an entry with row level security switched off",
            REFUSED,
            "ALTER TABLE " + events + " NO FORCE ROW LEVEL SECURITY",
            "DELETE FROM " + events),
        asOwner("TRUNCATE the ledger", REFUSED, null, "TRUNCATE " + events),
        asOwner("TRUNCATE one partition", REFUSED, null, "TRUNCATE " + currentPartition()),
        asOwner(
            "rewind the chain head with row level security switched off",
            UNLINKED,
            "ALTER TABLE " + heads + " NO FORCE ROW LEVEL SECURITY",
            "UPDATE " + heads + " SET last_sequence = 0"),
        asSuperuser("UPDATE an entry", REFUSED, "UPDATE " + events + " SET actor = 'user:mallory'"),
        asSuperuser("DELETE an entry", REFUSED, "DELETE FROM " + events),
        asSuperuser("TRUNCATE the ledger", REFUSED, "TRUNCATE " + events),
        asSuperuser("DELETE the chain heads", REFUSED, "DELETE FROM " + heads),
        new Attempt(
            "INSERT the next entry with correct links but no hash",
            "tenant",
            "accepted: the database computes the hash",
            () -> {
              try (Connection acme = ledger.asTenant(TENANT)) {
                execute(
                    acme,
                    "INSERT INTO "
                        + events
                        + " (id, sequence, recorded_at, actor, event_type, target, outcome,"
                        + " details, previous_hash) SELECT gen_random_uuid(), last_sequence + 1,"
                        + " greatest(clock_timestamp(), last_recorded_at), 'user:alice',"
                        + " 'data.read', 't', 'success', '{}', last_hash FROM "
                        + heads);
              }
              return Outcome.expected("accepted as entry 4");
            }));
  }

  private static Attempt theChainStillHolds() {
    return new Attempt(
        "after all attempts: verify the chain",
        "tenant",
        "intact, 4 entries",
        () -> {
          try (Connection acme = ledger.asTenant(TENANT)) {
            ChainVerification verification = new AuditChainVerifier().verify(acme, TENANT);
            String text = "intact " + verification.intact() + ", " + verification.entriesChecked();
            return verification.intact() && verification.entriesChecked() == 4
                ? Outcome.expected("intact, " + verification.entriesChecked() + " entries")
                : Outcome.unexpected(text + " " + verification.brokenLink());
          }
        });
  }

  private static Attempt asTenant(String attempt, String sqlState, String sql) {
    return new Attempt(
        attempt,
        "tenant",
        expectation(sqlState),
        () -> {
          try (Connection acme = ledger.asTenant(TENANT)) {
            return refusedWith(sqlState, () -> execute(acme, sql));
          }
        });
  }

  /** As the owner, after an optional preparation (such as lifting forced row level security). */
  private static Attempt asOwner(String attempt, String sqlState, String preparation, String sql) {
    return new Attempt(
        attempt,
        "owner",
        expectation(sqlState),
        () -> {
          try (Connection owner = ledger.asOwner()) {
            owner.setAutoCommit(false);
            try {
              if (preparation != null) {
                execute(owner, preparation);
              }
              return refusedWith(sqlState, () -> execute(owner, sql));
            } finally {
              owner.rollback();
            }
          }
        });
  }

  private static Attempt asSuperuser(String attempt, String sqlState, String sql) {
    return new Attempt(
        attempt,
        "superuser",
        expectation(sqlState),
        () -> {
          try (Connection superuser = ledger.asSuperuser()) {
            return refusedWith(sqlState, () -> execute(superuser, sql));
          }
        });
  }

  /**
   * A direct INSERT of the tenant's next entry that is wrong in one way: a sequence {@code step}
   * ahead of the head, a time {@code secondsOff} away from now, another previous hash, or a hash
   * that is not the canonical form's.
   */
  private static Attempt forgedEntry(
      String attempt, int step, long secondsOff, String previousHash, boolean wrongHash) {
    return new Attempt(
        attempt,
        "tenant",
        expectation(UNLINKED),
        () -> {
          try (Connection acme = ledger.asTenant(TENANT)) {
            ChainHead head = CLIENT.head(acme, TENANT).orElseThrow();
            Instant time = Instant.now().truncatedTo(ChronoUnit.MICROS).plusSeconds(secondsOff);
            AuditEntry entry =
                AuditEntry.continuing(
                    UUID.randomUUID(),
                    head.lastSequence() + step,
                    time,
                    previousHash == null ? head.lastHash() : previousHash,
                    new AuditEvent(
                        TENANT,
                        "user:mallory",
                        AuditEventType.DATA_READ,
                        "t",
                        AuditOutcome.SUCCESS,
                        "{}"));
            return refusedWith(
                UNLINKED, () -> insert(acme, entry, wrongHash ? "c".repeat(64) : entry.hash()));
          }
        });
  }

  private static void insert(Connection connection, AuditEntry entry, String hash)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO greenlang.audit_events (id, sequence, recorded_at, actor, event_type,"
                + " target, outcome, details, previous_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, entry.id());
      insert.setLong(2, entry.sequence());
      insert.setObject(3, OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC));
      insert.setString(4, entry.actor());
      insert.setString(5, entry.eventType());
      insert.setString(6, entry.target());
      insert.setString(7, entry.outcome());
      insert.setString(8, entry.details());
      insert.setString(9, entry.previousHash());
      insert.setString(10, hash);
      insert.executeUpdate();
    }
  }

  private static String currentPartition() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return String.format("greenlang.audit_events_y%04dm%02d", now.getYear(), now.getMonthValue());
  }

  private static String expectation(String sqlState) {
    return switch (sqlState) {
      case DENIED -> "denied (no privilege, or row level security)";
      case REFUSED -> "refused by trigger (append-only)";
      case UNLINKED -> "refused by trigger (does not continue the chain)";
      case "23514" -> "refused (CHECK: not a known event type)";
      default -> "refused with " + sqlState;
    };
  }
}
