package io.greenlang.runtime.schema.audit;

import static io.greenlang.runtime.schema.audit.LedgerDatabase.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Monthly partitions: created ahead, and dropped only when older than 7 years. */
class AuditPartitionsIT {

  private static LedgerDatabase ledger;

  @BeforeAll
  static void migrated() throws SQLException {
    ledger = LedgerDatabase.withTenants("acme");
  }

  @AfterAll
  static void dropIt() throws SQLException {
    if (ledger != null) {
      ledger.close();
    }
  }

  @Test
  void migratingCreatesThisMonthAndTwelveAheadAndEnsuringAgainCreatesNothing() throws SQLException {
    YearMonth now = YearMonth.now(ZoneOffset.UTC);
    try (Connection admin = ledger.asSuperuser()) {
      assertThat(AuditPartitions.months(admin))
          .contains(now.toString(), now.plusMonths(12).toString())
          .doesNotContain(now.plusMonths(13).toString());
      assertThat(AuditPartitions.ensureAhead(admin, 12)).isZero();
      assertThat(AuditPartitions.ensureAhead(admin, 14)).isEqualTo(2);
      assertThat(AuditPartitions.months(admin)).contains(now.plusMonths(14).toString());
    }
  }

  @Test
  void onlyPartitionsOlderThanSevenYearsAreDropped() throws SQLException {
    YearMonth now = YearMonth.now(ZoneOffset.UTC);
    YearMonth expired = now.minusYears(7).minusMonths(2);
    YearMonth kept = now.minusYears(7).plusMonths(1);
    try (Connection admin = ledger.asSuperuser()) {
      execute(
          admin,
          "SELECT greenlang.create_audit_partitions('"
              + expired.atDay(1)
              + "', '"
              + expired.atDay(1)
              + "')",
          "SELECT greenlang.create_audit_partitions('"
              + kept.atDay(1)
              + "', '"
              + kept.atDay(1)
              + "')");

      assertThat(AuditPartitions.dropExpired(admin)).containsExactly(partitionName(expired));
      assertThat(AuditPartitions.months(admin))
          .doesNotContain(expired.toString())
          .contains(kept.toString());
      assertThatThrownBy(
              () -> execute(admin, "SELECT greenlang.drop_expired_audit_partitions('6 years')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("kept at least 7 years");
    }
  }

  @Test
  void tenantsMayNeitherCreateNorDropPartitions() throws SQLException {
    try (Connection acme = ledger.asTenant("acme")) {
      assertThatThrownBy(() -> AuditPartitions.ensureAhead(acme, 1))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied for function create_audit_partitions");
      assertThatThrownBy(() -> AuditPartitions.dropExpired(acme))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied for function drop_expired_audit_partitions");
    }
  }

  @Test
  void everyPartitionRefusesTruncateAndGrantsTenantsNothing() throws SQLException {
    try (Connection admin = ledger.asSuperuser();
        Statement statement = admin.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT c.relname,"
                    + " (SELECT count(*) FROM pg_trigger t WHERE t.tgrelid = c.oid"
                    + "  AND t.tgname = 'audit_events_no_truncate'),"
                    + " c.relacl IS NULL OR NOT EXISTS (SELECT 1 FROM aclexplode(c.relacl) a"
                    + "  WHERE a.grantee <> c.relowner)"
                    + " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                    + " WHERE i.inhparent = 'greenlang.audit_events'::regclass")) {
      int partitions = 0;
      while (rows.next()) {
        partitions++;
        assertThat(rows.getInt(2)).as("truncate trigger on %s", rows.getString(1)).isEqualTo(1);
        assertThat(rows.getBoolean(3)).as("grants on %s", rows.getString(1)).isTrue();
      }
      assertThat(partitions).isGreaterThanOrEqualTo(13);
    }
  }

  @Test
  void appendingWithoutAPartitionForTheMonthSaysHowToFixIt() throws SQLException {
    try (LedgerDatabase bare = LedgerDatabase.withTenants("acme")) {
      try (Connection admin = bare.asSuperuser()) {
        List<String> months = AuditPartitions.months(admin);
        for (String month : months) {
          execute(
              admin,
              "DROP TABLE greenlang.audit_events_y"
                  + month.substring(0, 4)
                  + "m"
                  + month.substring(5));
        }
      }
      try (Connection acme = bare.asTenant("acme")) {
        assertThatThrownBy(
                () ->
                    new AuditLedgerClient()
                        .append(
                            acme,
                            new AuditEvent(
                                "acme",
                                "user:a",
                                AuditEventType.DATA_READ,
                                "t",
                                AuditOutcome.SUCCESS,
                                null)))
            .isInstanceOf(AuditPartitionMissingException.class)
            .hasMessageContaining("AuditPartitions.ensureAhead");
      }
    }
  }

  private static String partitionName(YearMonth month) {
    return String.format("audit_events_y%04dm%02d", month.getYear(), month.getMonthValue());
  }
}
