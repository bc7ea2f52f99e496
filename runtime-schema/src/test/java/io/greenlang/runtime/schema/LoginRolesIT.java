package io.greenlang.runtime.schema;

import static io.greenlang.runtime.schema.SchemaQueries.column;
import static io.greenlang.runtime.schema.SchemaQueries.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.greenlang.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Tenant login roles: created unprivileged, with a password hashed before it is sent. */
class LoginRolesIT {

  @Test
  void createsAnUnprivilegedLoginRoleWithAScramPasswordAndUpdatesIt() throws SQLException {
    try (TestRoles roles = new TestRoles();
        Connection admin = TestPostgres.server().openConnection()) {
      String role = roles.create();
      String firstHash = passwordHash(admin, role);

      LoginRoles.ensure(admin, role, "another-password".toCharArray());

      assertThat(firstHash).startsWith("SCRAM-SHA-256$");
      assertThat(passwordHash(admin, role)).startsWith("SCRAM-SHA-256$").isNotEqualTo(firstHash);
      assertThat(
              column(
                  admin,
                  "SELECT concat_ws(' ', rolcanlogin, rolsuper, rolbypassrls, rolcreaterole,"
                      + " rolcreatedb, rolreplication) FROM pg_roles WHERE rolname = '"
                      + role
                      + "'"))
          .containsExactly("t f f f f f");
    }
  }

  @Test
  void letsAnExistingRoleLogIn() throws SQLException {
    try (TestRoles roles = new TestRoles();
        Connection admin = TestPostgres.server().openConnection()) {
      String role = roles.adopt("gl_t_nologin_" + TestRoles.randomHex(4));
      execute(admin, "CREATE ROLE " + role + " NOLOGIN");

      LoginRoles.ensure(admin, role, "a-password".toCharArray());

      assertThat(column(admin, "SELECT rolcanlogin FROM pg_roles WHERE rolname = '" + role + "'"))
          .containsExactly("t");
    }
  }

  @Test
  void refusesToTurnAPrivilegedRoleIntoATenantRole() throws SQLException {
    try (TestRoles roles = new TestRoles();
        Connection admin = TestPostgres.server().openConnection()) {
      String role = roles.adopt("gl_t_creator_" + TestRoles.randomHex(4));
      execute(admin, "CREATE ROLE " + role + " LOGIN CREATEDB");

      assertThatIllegalStateException()
          .isThrownBy(() -> LoginRoles.ensure(admin, role, "a-password".toCharArray()))
          .withMessageContaining(role);
      assertThat(passwordHash(admin, role)).as("password untouched").isNull();
    }
  }

  @Test
  void dropCanBeRepeatedAndEmptyPasswordsAreRefused() throws SQLException {
    try (TestRoles roles = new TestRoles();
        Connection admin = TestPostgres.server().openConnection()) {
      String role = roles.create();

      LoginRoles.drop(admin, role);
      LoginRoles.drop(admin, role);

      assertThat(column(admin, "SELECT count(*) FROM pg_roles WHERE rolname = '" + role + "'"))
          .containsExactly("0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> LoginRoles.ensure(admin, role, new char[0]))
          .withMessageContaining(role);
    }
  }

  private static String passwordHash(Connection admin, String role) throws SQLException {
    return column(admin, "SELECT rolpassword FROM pg_authid WHERE rolname = '" + role + "'").get(0);
  }
}
