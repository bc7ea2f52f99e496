package io.greenlang.runtime.schema.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Tampering with superuser access (triggers off, CHECK constraints dropped) is found by {@link
 * AuditChainVerifier} at the entry that was touched: every byte of every column of the first, a
 * middle and the last entry changed in turn, an entry deleted, two entries swapped, the head moved.
 * Verification runs as the tenant's login role, as an auditor of that tenant would.
 */
class AuditLedgerTamperIT {

  private static final String TENANT = "acme";
  private static final int ENTRIES = 8;
  private static final int[] TAMPERED = {1, 4, ENTRIES};

  private static LedgerDatabase ledger;
  private static final List<AuditEntry> CHAIN = new ArrayList<>();

  /** Pages of three entries: every tampering is also found across a page boundary. */
  private final AuditChainVerifier verifier = new AuditChainVerifier(3);

  @BeforeAll
  static void aChainOfEightAndAnotherTenantsChain() throws SQLException {
    ledger = LedgerDatabase.withTenants(TENANT, "globex");
    AuditLedgerClient client = new AuditLedgerClient();
    AuditEventType[] types = AuditEventType.values();
    try (Connection acme = ledger.asTenant(TENANT);
        Connection globex = ledger.asTenant("globex")) {
      for (int i = 1; i <= ENTRIES; i++) {
        CHAIN.add(
            client.append(
                acme,
                new AuditEvent(
                    TENANT,
                    i % 2 == 0 ? "user:zoë@example.com" : "agent:cbam-importer",
                    types[(i * 7) % types.length],
                    "calculation:run-" + i,
                    i == 4 ? AuditOutcome.DENIED : AuditOutcome.SUCCESS,
                    "{\"site\":\"Düsseldorf\",\"net_mass_t\":12.50,\"line\":" + i + "}")));
        client.append(
            globex,
            new AuditEvent(
                "globex", "user:bob", AuditEventType.DATA_READ, "r", AuditOutcome.SUCCESS, null));
      }
    }
  }

  @AfterAll
  static void dropThem() throws SQLException {
    if (ledger != null) {
      ledger.close();
    }
  }

  @AfterEach
  void everyTamperingWasUndone() throws SQLException {
    assertThat(verify().brokenLink()).isNull();
    try (Connection globex = ledger.asTenant("globex")) {
      assertThat(verifier.verify(globex, "globex").intact()).isTrue();
    }
  }

  @TestFactory
  Stream<DynamicTest> changingAnyByteOfAnyColumnIsFoundAtThatEntry() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int sequence : TAMPERED) {
      for (String[] column : LedgerTampering.COLUMNS) {
        tests.add(
            dynamicTest(
                column[0] + " of entry " + sequence,
                () -> changeEveryByte(CHAIN.get(sequence - 1), column[0], column[1])));
      }
    }
    return tests.stream();
  }

  /**
   * Changes each character of the column's text form in turn to another one the type accepts,
   * verifies, and puts the original back. Only typed columns may skip a position, and only a
   * separator (the hyphens of a UUID, the punctuation of a time): those are not stored bytes.
   */
  private void changeEveryByte(AuditEntry entry, String column, String type) throws Exception {
    try (LedgerTampering attacker = new LedgerTampering(ledger)) {
      String original = attacker.read(column, entry.id());
      List<Integer> skipped = new ArrayList<>();
      int changed = 0;
      for (int position = 0; position < original.length(); position++) {
        if (changeOneByte(attacker, entry, column, type, original, position)) {
          changed++;
        } else {
          skipped.add(position);
        }
      }
      System.out.printf(
          "%s of entry %d: %d of %d characters changed one at a time, each found; skipped %s%n",
          column, entry.sequence(), changed, original.length(), skipped);
      assertThat(changed).as("positions of %s changed", column).isPositive();
      for (int position : skipped) {
        assertThat(type).as("%s may skip only in typed columns", column).isNotEqualTo("text");
        assertThat(Character.isLetterOrDigit(original.charAt(position)))
            .as("%s skipped position %d of %s", column, position, original)
            .isFalse();
      }
    }
  }

  private boolean changeOneByte(
      LedgerTampering attacker,
      AuditEntry entry,
      String column,
      String type,
      String original,
      int position)
      throws SQLException {
    for (char replacement : LedgerTampering.replacements(original.charAt(position))) {
      String value =
          original.substring(0, position) + replacement + original.substring(position + 1);
      UUID id;
      try {
        id = attacker.write(column, type, entry.id(), value);
      } catch (SQLException notAcceptedByTheType) {
        continue;
      }
      if (original.equals(attacker.read(column, id))) {
        // The same value written differently (e.g. a time offset of -00 for +00): no change.
        continue;
      }
      ChainVerification verification = verify();
      BrokenLink link = verification.brokenLink();
      String what = column + " of entry " + entry.sequence() + " changed to " + value;
      assertThat(verification.intact()).as(what).isFalse();
      assertThat(link.sequence() == entry.sequence() || Objects.equals(link.id(), id))
          .as("%s: found at %s", what, link)
          .isTrue();
      attacker.write(column, type, id, original);
      return true;
    }
    return false;
  }

  @Test
  void aDeletedEntryIsMissingAtItsSequence() throws SQLException {
    try (LedgerTampering attacker = new LedgerTampering(ledger)) {
      AuditEntry fifth = CHAIN.get(4);
      attacker.delete(fifth.id());

      BrokenLink link = verify().brokenLink();
      assertThat(link.problem()).isEqualTo(LinkProblem.MISSING_SEQUENCE);
      assertThat(link.sequence()).isEqualTo(5);
      assertThat(link.id()).as("the entry found in its place").isEqualTo(CHAIN.get(5).id());
      attacker.insert(fifth);
    }
  }

  @Test
  void aDeletedLastEntryIsMissingAgainstTheHead() throws SQLException {
    try (LedgerTampering attacker = new LedgerTampering(ledger)) {
      AuditEntry last = CHAIN.get(ENTRIES - 1);
      attacker.delete(last.id());

      BrokenLink link = verify().brokenLink();
      assertThat(link.problem()).isEqualTo(LinkProblem.MISSING_SEQUENCE);
      assertThat(link.sequence()).isEqualTo(ENTRIES);
      assertThat(link.id()).isNull();
      attacker.insert(last);
    }
  }

  @Test
  void twoSwappedEntriesBreakAtTheFirstOfThem() throws SQLException {
    try (LedgerTampering attacker = new LedgerTampering(ledger)) {
      AuditEntry third = CHAIN.get(2);
      AuditEntry sixth = CHAIN.get(5);
      attacker.write("sequence", "bigint", third.id(), "6");
      attacker.write("sequence", "bigint", sixth.id(), "3");

      BrokenLink link = verify().brokenLink();
      assertThat(link.sequence()).isEqualTo(3);
      assertThat(link.id()).isEqualTo(sixth.id());
      assertThat(link.problem()).isEqualTo(LinkProblem.PREVIOUS_HASH_MISMATCH);
      attacker.write("sequence", "bigint", third.id(), "3");
      attacker.write("sequence", "bigint", sixth.id(), "6");
    }
  }

  @Test
  void twoEntriesWithSwappedContentsBreakAtTheFirstOfThem() throws SQLException {
    try (LedgerTampering attacker = new LedgerTampering(ledger)) {
      AuditEntry third = CHAIN.get(2);
      AuditEntry sixth = CHAIN.get(5);
      for (String column : List.of("actor", "event_type", "target", "outcome", "details")) {
        String fromThird = attacker.read(column, third.id());
        String fromSixth = attacker.read(column, sixth.id());
        attacker.write(column, "text", third.id(), fromSixth);
        attacker.write(column, "text", sixth.id(), fromThird);
      }

      BrokenLink link = verify().brokenLink();
      assertThat(link.sequence()).isEqualTo(3);
      assertThat(link.problem()).isEqualTo(LinkProblem.HASH_MISMATCH);
      attacker.delete(third.id());
      attacker.delete(sixth.id());
      attacker.insert(third);
      attacker.insert(sixth);
    }
  }

  @Test
  void aHeadMovedBackOrAForgedEntryBeyondItIsFound() throws SQLException {
    try (LedgerTampering attacker = new LedgerTampering(ledger)) {
      AuditEntry last = CHAIN.get(ENTRIES - 1);
      attacker.setHead(TENANT, ENTRIES - 1, CHAIN.get(ENTRIES - 2).hash());
      BrokenLink link = verify().brokenLink();
      assertThat(link.problem()).isEqualTo(LinkProblem.HEAD_MISMATCH);
      assertThat(link.sequence()).isEqualTo(ENTRIES);
      attacker.setHead(TENANT, ENTRIES, last.hash());

      // A well-formed ninth entry written with the triggers off: the head does not name it.
      AuditEntry forged =
          AuditEntry.continuing(
              UUID.randomUUID(),
              ENTRIES + 1,
              last.recordedAt().plusSeconds(1),
              last.hash(),
              new AuditEvent(
                  TENANT,
                  "user:mallory",
                  AuditEventType.DATA_READ,
                  "x",
                  AuditOutcome.SUCCESS,
                  null));
      attacker.insert(forged);
      link = verify().brokenLink();
      assertThat(link.problem()).isEqualTo(LinkProblem.HEAD_MISMATCH);
      assertThat(link.sequence()).isEqualTo(ENTRIES + 1);
      attacker.delete(forged.id());
    }
  }

  private ChainVerification verify() throws SQLException {
    try (Connection acme = ledger.asTenant(TENANT)) {
      return verifier.verify(acme, TENANT);
    }
  }
}
