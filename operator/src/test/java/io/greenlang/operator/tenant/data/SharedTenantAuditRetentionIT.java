package io.greenlang.operator.tenant.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.operator.region.PostgresEndpoint;
import io.greenlang.runtime.schema.LoginRoles;
import io.greenlang.runtime.schema.audit.AuditChainVerifier;
import io.greenlang.runtime.schema.audit.AuditEvent;
import io.greenlang.runtime.schema.audit.AuditEventType;
import io.greenlang.runtime.schema.audit.AuditLedgerClient;
import io.greenlang.runtime.schema.audit.AuditOutcome;
import io.greenlang.testsupport.PostgresServer;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Deleting a logical tenant's rows (deletionPolicy Delete) leaves its audit chain: audit entries
 * are kept 7 years whatever happens to the tenant, and the ledger refuses DELETE anyway. Also how
 * the operator records lifecycle events with {@link AuditLedgerClient#appendAs}.
 */
class SharedTenantAuditRetentionIT {

  @Test
  void droppingASharedTenantKeepsItsAuditChain() throws SQLException {
    PostgresServer server = TestPostgres.server();
    String role = "gl_t_" + hex(6);
    try (TestDatabase shared = TestPostgres.createDatabase()) {
      PostgresEndpoint admin =
          new PostgresEndpoint(
              server.host(),
              server.port(),
              shared.name(),
              server.username(),
              server.password(),
              null);
      PostgresTenantDatabase postgres = new PostgresTenantDatabase();
      postgres.ensureRole(admin, role, hex(16), true);
      postgres.migrateAndRegister(admin, shared.name(), role, "acme");

      AuditLedgerClient ledger = new AuditLedgerClient();
      try (Connection connection = shared.openConnection()) {
        for (AuditEventType type :
            new AuditEventType[] {
              AuditEventType.TENANT_SETTINGS_CHANGED, AuditEventType.AGENT_CREATED
            }) {
          ledger.appendAs(
              connection,
              role,
              new AuditEvent("acme", "operator", type, "tenant:acme", AuditOutcome.SUCCESS, "{}"));
        }
        try (Statement statement = connection.createStatement()) {
          statement.execute(
              "INSERT INTO greenlang.memory_entries (tenant_id, agent, content)"
                  + " VALUES ('acme', 'cbam', '{}')");
        }
      }

      postgres.dropSharedTenant(admin, role, "acme");

      try (Connection connection = shared.openConnection()) {
        assertThat(count(connection, "greenlang.memory_entries")).as("rows deleted").isZero();
        assertThat(count(connection, "greenlang.audit_events")).as("audit kept").isEqualTo(2);
        assertThat(new AuditChainVerifier().verify(connection, "acme").intact()).isTrue();
      }
      assertThat(postgres.roleExists(admin, role)).isFalse();
    } finally {
      try (Connection connection = server.openConnection()) {
        LoginRoles.drop(connection, role);
      }
    }
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT count(*) FROM " + table + " WHERE tenant_id = 'acme'")) {
      result.next();
      return result.getLong(1);
    }
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
