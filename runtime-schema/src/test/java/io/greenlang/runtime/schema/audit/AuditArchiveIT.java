package io.greenlang.runtime.schema.audit;

import static io.greenlang.runtime.schema.audit.LedgerDatabase.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.schema.RuntimeSchema;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tenant's chain copied into another database's archive before its own database is dropped: the
 * copy keeps ids, times and hashes, verifies there after the source is gone, is made once, finds
 * tampering, refuses change and deletion younger than 7 years, and is no tenant's to read.
 */
class AuditArchiveIT {

  private static final String REASON = "Tenant acme deleted (deletionPolicy Delete)";

  private LedgerDatabase ledger;
  private TestDatabase region;
  private final AuditArchive archive = new AuditArchive();
  private final AuditLedgerClient client = new AuditLedgerClient();

  @BeforeEach
  void databases() throws SQLException {
    ledger = LedgerDatabase.withTenants("acme", "globex");
    region = TestPostgres.createDatabase();
    new RuntimeSchema()
        .migrate(region.jdbcUrl(), region.server().username(), region.server().password());
    List<AuditEvent> events = new ArrayList<>();
    for (int i = 1; i <= 2_500; i++) {
      events.add(
          new AuditEvent(
              "acme",
              "agent:gl-acme/intake",
              AuditEventType.AGENT_EXECUTED,
              "step:run-1/intake/" + i,
              AuditOutcome.SUCCESS,
              "{\"n\":" + i + "}"));
    }
    try (Connection acme = ledger.asTenant("acme")) {
      // One transaction: the test needs a long chain, not 2,500 commits.
      client.appendAll(acme, events);
    }
    try (Connection globex = ledger.asTenant("globex")) {
      client.append(
          globex,
          new AuditEvent(
              "globex", "user:g", AuditEventType.DATA_IMPORT, "t:1", AuditOutcome.SUCCESS, null));
    }
  }

  @AfterEach
  void drop() throws SQLException {
    region.close();
    ledger.close();
  }

  @Test
  void theArchivedChainVerifiesAfterTheSourceDatabaseIsGone() throws SQLException {
    ChainHead before;
    ArchivedChain kept;
    try (Connection admin = ledger.asSuperuser();
        Connection regionAdmin = region.openConnection()) {
      before = client.head(admin, "acme").orElseThrow();
      kept =
          archive
              .export(
                  admin,
                  ledger.roleOfTenant.get("acme"),
                  "acme",
                  regionAdmin,
                  ledger.database.name(),
                  REASON)
              .orElseThrow();
      assertThat(archive.export(admin, null, "acme", regionAdmin, ledger.database.name(), REASON))
          .as("exported once: the same head is not copied again")
          .contains(kept);
    }
    assertThat(kept.intact()).isTrue();
    assertThat(kept.entries()).isEqualTo(2_500);
    assertThat(kept.firstSequence()).isEqualTo(1);
    assertThat(kept.lastSequence()).isEqualTo(before.lastSequence());
    assertThat(kept.lastHash()).isEqualTo(before.lastHash());

    ledger.database.close();

    try (Connection regionAdmin = region.openConnection()) {
      ChainVerification verification = archive.verify(regionAdmin, kept.archiveId());
      assertThat(verification.intact()).isTrue();
      assertThat(verification.entriesChecked()).isEqualTo(2_500);
      assertThat(verification.lastVerified().hash()).isEqualTo(before.lastHash());
      assertThat(archive.archives(regionAdmin, "acme")).containsExactly(kept);
      assertThat(archive.archives(regionAdmin, "globex")).isEmpty();
    }
  }

  @Test
  void aChainStartingAfterRetentionVerifiesFromItsFirstEntry() throws SQLException {
    try (Connection admin = ledger.asSuperuser();
        Connection regionAdmin = region.openConnection()) {
      ArchivedChain kept =
          archive
              .export(admin, null, "acme", regionAdmin, ledger.database.name(), REASON)
              .orElseThrow();
      execute(
          regionAdmin,
          "SET session_replication_role = replica",
          "DELETE FROM greenlang.audit_archive_entries WHERE sequence <= 1000",
          "RESET session_replication_role");
      AuditEntry entry1000 = client.read(admin, "acme", 1000, 1000, 1).get(0);

      ChainVerification fromAnchor =
          archive.verify(regionAdmin, kept.archiveId(), new ChainAnchor(1000, entry1000.hash()));
      assertThat(fromAnchor.intact()).isTrue();
      assertThat(fromAnchor.entriesChecked()).isEqualTo(1_500);
      assertThat(archive.verify(regionAdmin, kept.archiveId()).brokenLink().problem())
          .as("from the genesis, entries 1 to 1000 are missing")
          .isEqualTo(LinkProblem.MISSING_SEQUENCE);
    }
  }

  @Test
  void tamperingWithTheArchiveIsFoundAtTheEntry() throws SQLException {
    try (Connection admin = ledger.asSuperuser();
        Connection regionAdmin = region.openConnection()) {
      ArchivedChain kept =
          archive
              .export(admin, null, "acme", regionAdmin, ledger.database.name(), REASON)
              .orElseThrow();
      execute(
          regionAdmin,
          "SET session_replication_role = replica",
          "UPDATE greenlang.audit_archive_entries SET target = 'step:run-1/intake/x'"
              + " WHERE sequence = 1234",
          "RESET session_replication_role");

      BrokenLink broken = archive.verify(regionAdmin, kept.archiveId()).brokenLink();
      assertThat(broken.problem()).isEqualTo(LinkProblem.HASH_MISMATCH);
      assertThat(broken.sequence()).isEqualTo(1234);
    }
  }

  @Test
  void aBrokenSourceChainIsArchivedAsFoundAndMarkedBroken() throws SQLException {
    try (Connection admin = ledger.asSuperuser();
        Connection regionAdmin = region.openConnection()) {
      execute(
          admin,
          "SET session_replication_role = replica",
          "UPDATE greenlang.audit_events SET actor = 'user:mallory' WHERE sequence = 7",
          "RESET session_replication_role");

      ArchivedChain kept =
          archive
              .export(admin, null, "acme", regionAdmin, ledger.database.name(), REASON)
              .orElseThrow();

      assertThat(kept.intact()).isFalse();
      assertThat(kept.entries()).isEqualTo(2_500);
      assertThat(kept.brokenLink()).startsWith("Entry 7 ");
      assertThat(archive.verify(regionAdmin, kept.archiveId()).brokenLink().sequence())
          .isEqualTo(7);
    }
  }

  @Test
  void theArchiveRefusesChangeAndDeletionYoungerThanSevenYears() throws SQLException {
    try (Connection admin = ledger.asSuperuser();
        Connection regionAdmin = region.openConnection()) {
      archive.export(admin, null, "acme", regionAdmin, ledger.database.name(), REASON);
      for (String refused :
          List.of(
              "UPDATE greenlang.audit_archive_entries SET actor = 'x'",
              "DELETE FROM greenlang.audit_archive_entries",
              "TRUNCATE greenlang.audit_archive_entries",
              "UPDATE greenlang.audit_archives SET intact = true",
              "DELETE FROM greenlang.audit_archives",
              "TRUNCATE greenlang.audit_archives CASCADE",
              "SELECT greenlang.purge_expired_audit_archives('6 years')")) {
        assertThatThrownBy(() -> execute(regionAdmin, refused))
            .as(refused)
            .isInstanceOf(SQLException.class)
            .hasMessageMatching("(?s).*(append-only|kept 7 years|kept at least 7 years).*");
      }
      execute(regionAdmin, "SELECT greenlang.purge_expired_audit_archives()");
      assertThat(archive.archives(regionAdmin, "acme").get(0).entries()).isEqualTo(2_500);
    }
  }

  @Test
  void anEmptyChainIsNotArchivedAndTenantRolesCannotReadTheArchive() throws SQLException {
    try (Connection admin = ledger.asSuperuser();
        Connection regionAdmin = region.openConnection()) {
      assertThat(
              archive.export(admin, null, "initech", regionAdmin, ledger.database.name(), REASON))
          .isEqualTo(Optional.empty());
    }
    try (Connection acme = ledger.asTenant("acme")) {
      assertThatThrownBy(() -> execute(acme, "SELECT * FROM greenlang.audit_archive_entries"))
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> execute(acme, "SELECT * FROM greenlang.audit_recorded_states"))
          .hasMessageContaining("permission denied");
    }
  }
}
