package io.greenlang.runtime.schema;

import static io.greenlang.runtime.schema.SchemaQueries.bool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A database dedicated to one tenant admits only the roles granted CONNECT. */
class DatabaseAccessIT {

  @Test
  void onlyTheOwnerAndGrantedRolesConnectToARestrictedDatabase() throws SQLException {
    try (TestRoles roles = new TestRoles()) {
      String owner = roles.create();
      String runtime = roles.create();
      String stranger = roles.create();
      try (TestDatabase database = TestPostgres.createDatabase()) {
        try (Connection admin = TestPostgres.server().openConnection()) {
          DatabaseAccess.restrictConnect(admin, database.name(), owner);
          DatabaseAccess.restrictConnect(admin, database.name(), owner);
          assertThat(
                  bool(
                      admin,
                      "SELECT has_database_privilege('"
                          + stranger
                          + "', '"
                          + database.name()
                          + "', 'CONNECT')"))
              .isFalse();
        }
        try (Connection asOwner = roles.connect(database, owner)) {
          assertThat(asOwner.isValid(5)).isTrue();
        }
        assertRefused(roles, database, stranger);
        assertRefused(roles, database, runtime);

        try (Connection admin = TestPostgres.server().openConnection()) {
          DatabaseAccess.grantConnect(admin, database.name(), runtime);
        }
        try (Connection asRuntime = roles.connect(database, runtime)) {
          assertThat(asRuntime.isValid(5)).isTrue();
        }

        try (Connection admin = TestPostgres.server().openConnection()) {
          DatabaseAccess.revokeConnect(admin, database.name(), runtime);
        }
        assertRefused(roles, database, runtime);
      }
    }
  }

  @Test
  void failsWhenTheAdminCannotRestrict() throws SQLException {
    try (TestRoles roles = new TestRoles()) {
      String owner = roles.create();
      String notTheOwner = roles.create();
      try (TestDatabase database = TestPostgres.createDatabase();
          Connection admin =
              roles.connect(TestPostgres.server().jdbcUrl(), notTheOwner, new Properties())) {
        assertThatThrownBy(() -> DatabaseAccess.restrictConnect(admin, database.name(), owner))
            .as("PostgreSQL only warns a role that is neither owner nor superuser")
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("PUBLIC may still connect to database " + database.name());
        try (Connection superuser = TestPostgres.server().openConnection()) {
          assertThat(
                  bool(
                      superuser,
                      "SELECT has_database_privilege('"
                          + notTheOwner
                          + "', '"
                          + database.name()
                          + "', 'CONNECT')"))
              .as("PUBLIC still connects")
              .isTrue();
        }
      }
    }
  }

  @Test
  void rejectsInvalidNames() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DatabaseAccess.restrictConnect(null, "", "gl_t_a"))
        .withMessageContaining("database name");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DatabaseAccess.grantConnect(null, "db", "Tenant-A"))
        .withMessageContaining("Tenant-A");
  }

  private static void assertRefused(TestRoles roles, TestDatabase database, String role) {
    assertThatThrownBy(() -> roles.connect(database, role).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("permission denied for database");
  }
}
