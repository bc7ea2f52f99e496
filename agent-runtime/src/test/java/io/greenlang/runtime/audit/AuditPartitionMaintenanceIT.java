package io.greenlang.runtime.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.runtime.schema.LoginRoles;
import io.greenlang.runtime.schema.RuntimeSchema;
import io.greenlang.runtime.schema.audit.AuditPartitions;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The runtime's start-up partition check: an owner connection extends the horizon, a tenant's login
 * role (which may not create tables) leaves it to the operator.
 */
class AuditPartitionMaintenanceIT {

  @Test
  void createsAheadAsOwnerAndLeavesItToTheOperatorAsATenantRole() throws SQLException {
    String role = "gl_t_" + HexFormat.of().formatHex(randomBytes(6));
    String password = HexFormat.of().formatHex(randomBytes(16));
    try (TestDatabase database = TestPostgres.createDatabase()) {
      RuntimeSchema schema = new RuntimeSchema();
      schema.migrate(
          database.jdbcUrl(), database.server().username(), database.server().password());
      AuditPartitionMaintenance maintenance = new AuditPartitionMaintenance(null, 15);
      try (Connection admin = database.openConnection()) {
        LoginRoles.ensure(admin, role, password.toCharArray());
        schema.grantTenant(admin, role, "acme");

        assertThat(maintenance.ensureAhead(admin)).isEqualTo(3);
        assertThat(AuditPartitions.months(admin))
            .contains(YearMonth.now(ZoneOffset.UTC).plusMonths(15).toString());
      }
      Properties login = new Properties();
      login.setProperty("user", role);
      login.setProperty("password", password);
      try (Connection tenant = DriverManager.getConnection(database.jdbcUrl(), login)) {
        assertThat(new AuditPartitionMaintenance(null, 20).ensureAhead(tenant)).isZero();
      }
    } finally {
      try (Connection admin = TestPostgres.server().openConnection()) {
        LoginRoles.drop(admin, role);
      }
    }
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
