package io.greenlang.runtime.schema;

import static io.greenlang.runtime.schema.SchemaQueries.bool;
import static io.greenlang.runtime.schema.SchemaQueries.column;
import static io.greenlang.runtime.schema.SchemaQueries.execute;
import static io.greenlang.runtime.schema.SchemaQueries.publicHoldsOnSchemaPublic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/**
 * The operator's case: migrating and granting connected as the database's owner, a role that is no
 * superuser.
 */
class RuntimeSchemaOwnerIT {

  private final RuntimeSchema schema = new RuntimeSchema();

  @Test
  void anOwnerThatIsNoSuperuserMigratesGrantsAndRevokes() throws Exception {
    try (TestRoles roles = new TestRoles()) {
      String owner = roles.create();
      String tenant = roles.create();
      try (TestDatabase database = TestPostgres.createDatabase()) {
        try (Connection superuser = database.openConnection()) {
          execute(
              superuser,
              "ALTER DATABASE " + SqlIdentifier.quote(database.name()) + " OWNER TO " + owner,
              // What PostgreSQL 14 and older grant in every new database.
              "GRANT CREATE ON SCHEMA public TO PUBLIC");
        }

        assertThat(schema.migrate(database.jdbcUrl(), owner, roles.password(owner)))
            .isEqualTo(new MigrationResult(11, "12"));
        assertThat(schema.migrate(database.jdbcUrl(), owner, roles.password(owner)))
            .isEqualTo(new MigrationResult(0, "12"));

        try (Connection admin = roles.connect(database, owner)) {
          assertThat(bool(admin, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
              .isFalse();
          assertThat(
                  column(
                      admin,
                      "SELECT nspowner::regrole::text FROM pg_namespace"
                          + " WHERE nspname = 'greenlang'"))
              .containsExactly(owner);
          assertThat(publicHoldsOnSchemaPublic(admin, "CREATE")).isFalse();
          schema.grantTenant(admin, tenant, "tenant-t");
        }

        try (Connection asTenant = roles.connect(database, tenant)) {
          execute(
              asTenant,
              "INSERT INTO greenlang.memory_entries (agent, content) VALUES ('cbam', '{}')");
          assertThat(column(asTenant, "SELECT tenant_id FROM greenlang.memory_entries"))
              .containsExactly("tenant-t");
        }

        try (Connection admin = roles.connect(database, owner)) {
          // FORCE ROW LEVEL SECURITY: the owner is subject to the policy too, and is no tenant.
          assertThat(column(admin, "SELECT count(*) FROM greenlang.memory_entries"))
              .containsExactly("0");
          assertThatThrownBy(
                  () ->
                      execute(
                          admin,
                          "INSERT INTO greenlang.memory_entries (tenant_id, agent, content)"
                              + " VALUES ('tenant-t', 'cbam', '{}')"))
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("row-level security");
          schema.revokeTenant(admin, tenant);
        }

        // An owner without CREATEROLE cannot end the role's membership in the tenants' group
        // role; without its tenant_roles row the role is no tenant, so it sees and writes nothing.
        try (Connection asTenant = roles.connect(database, tenant)) {
          assertThat(column(asTenant, "SELECT count(*) FROM greenlang.memory_entries"))
              .containsExactly("0");
          assertThatThrownBy(
                  () ->
                      execute(
                          asTenant,
                          "INSERT INTO greenlang.memory_entries (tenant_id, agent, content)"
                              + " VALUES ('tenant-t', 'cbam', '{}')"))
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("row-level security");
        }
      }
    }
  }

  @Test
  void stopsWhenTheOwnerCannotCloseSchemaPublic() throws Exception {
    try (TestRoles roles = new TestRoles()) {
      String owner = roles.create();
      try (TestDatabase database = TestPostgres.createDatabase()) {
        try (Connection superuser = database.openConnection()) {
          execute(
              superuser,
              "ALTER DATABASE " + SqlIdentifier.quote(database.name()) + " OWNER TO " + owner,
              // An older server: schema public belongs to the superuser and PUBLIC may create.
              "ALTER SCHEMA public OWNER TO " + SqlIdentifier.quote(database.server().username()),
              "GRANT CREATE ON SCHEMA public TO PUBLIC");
        }

        assertThatThrownBy(() -> schema.migrate(database.jdbcUrl(), owner, roles.password(owner)))
            .isInstanceOf(FlywayException.class)
            .hasMessageContaining("PUBLIC may still create objects in schema public");

        try (Connection superuser = database.openConnection()) {
          assertThat(column(superuser, "SELECT to_regclass('greenlang.tenant_roles')::text"))
              .as("V1 rolled back")
              .containsOnlyNulls();
        }
      }
    }
  }
}
