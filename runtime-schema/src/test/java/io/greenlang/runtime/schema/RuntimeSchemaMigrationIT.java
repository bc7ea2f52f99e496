package io.greenlang.runtime.schema;

import static io.greenlang.runtime.schema.SchemaQueries.bool;
import static io.greenlang.runtime.schema.SchemaQueries.column;
import static io.greenlang.runtime.schema.SchemaQueries.execute;
import static io.greenlang.runtime.schema.SchemaQueries.publicHoldsOnSchemaPublic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Migrating a fresh database as a superuser, and what the migrations leave behind. */
class RuntimeSchemaMigrationIT {

  private final RuntimeSchema schema = new RuntimeSchema();

  @Test
  void migratingTwiceAppliesNothingTheSecondTime() throws Exception {
    try (TestDatabase database = TestPostgres.createDatabase()) {
      MigrationResult first = migrate(database);
      MigrationResult second = migrate(database);

      assertThat(first).isEqualTo(new MigrationResult(11, "12"));
      assertThat(second).isEqualTo(new MigrationResult(0, "12"));
      try (Connection admin = database.openConnection()) {
        assertThat(
                column(
                    admin,
                    "SELECT version FROM greenlang.flyway_schema_history"
                        + " WHERE success AND version IS NOT NULL ORDER BY installed_rank"))
            .containsExactly("1", "2", "3", "5", "6", "7", "8", "9", "10", "11", "12");
        assertThat(column(admin, "SELECT to_regclass('public.flyway_schema_history')::text"))
            .containsOnlyNulls();
      }
    }
  }

  @Test
  void memoryEntriesForceRowLevelSecurityWithTheTenantIsolationPolicy() throws Exception {
    try (TestDatabase database = TestPostgres.createDatabase()) {
      migrate(database);
      try (Connection admin = database.openConnection()) {
        assertThat(
                bool(
                    admin,
                    "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class"
                        + " WHERE oid = 'greenlang.memory_entries'::regclass"))
            .isTrue();
        assertThat(
                column(
                    admin,
                    "SELECT policyname || ' ' || cmd || ' ' || qual || ' ' || with_check"
                        + " FROM pg_policies WHERE schemaname = 'greenlang'"
                        + " AND tablename = 'memory_entries'"))
            .containsExactly(
                "tenant_isolation ALL (tenant_id = greenlang.current_tenant())"
                    + " (tenant_id = greenlang.current_tenant())");
        assertThat(
                column(
                    admin,
                    "SELECT column_default FROM information_schema.columns"
                        + " WHERE table_schema = 'greenlang' AND table_name = 'memory_entries'"
                        + " AND column_name = 'tenant_id'"))
            .containsExactly("greenlang.current_tenant()");
        assertThat(
                column(
                    admin,
                    "SELECT substring(indexdef from '\\(.*\\)') FROM pg_indexes"
                        + " WHERE schemaname = 'greenlang' AND tablename = 'memory_entries'"
                        + " AND indexname LIKE '%tenant%' ORDER BY indexname"))
            .containsExactly(
                "(tenant_id, agent, conversation, created_at, id)",
                "(tenant_id, agent, created_at, id)");
        // The key includes tenant_id: ids a tenant chooses cannot collide with another's.
        assertThat(
                column(
                    admin,
                    "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                        + " WHERE conrelid = 'greenlang.memory_entries'::regclass AND contype = 'p'"))
            .containsExactly("PRIMARY KEY (tenant_id, id)");
      }
    }
  }

  @Test
  void stepResultsAreTenantOwnedAndAppendOnlyEvenForTheOwner() throws Exception {
    try (TestDatabase database = TestPostgres.createDatabase()) {
      migrate(database);
      try (Connection admin = database.openConnection()) {
        assertThat(
                bool(
                    admin,
                    "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class"
                        + " WHERE oid = 'greenlang.step_results'::regclass"))
            .isTrue();
        assertThat(
                column(
                    admin,
                    "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                        + " WHERE conrelid = 'greenlang.step_results'::regclass AND contype = 'p'"))
            .containsExactly("PRIMARY KEY (tenant_id, run_uid, step, attempt, compensation)");
        assertThat(column(admin, "SELECT obj_description('greenlang.step_results'::regclass)"))
            .singleElement()
            .asString()
            .startsWith("greenlang:append-only:");
        execute(
            admin,
            "INSERT INTO greenlang.step_results (tenant_id, run_uid, step, attempt, compensation,"
                + " task_id, agent, outcome, worker, started_at, completed_at) VALUES ('acme',"
                + " 'run-1', 'intake', 1, false, 'run-1/intake/1', 'intake', 'SUCCEEDED', 'w1',"
                + " now(), now())");
        for (String change :
            List.of(
                "UPDATE greenlang.step_results SET outcome = 'FAILED'",
                "DELETE FROM greenlang.step_results",
                "TRUNCATE greenlang.step_results")) {
          assertThatThrownBy(() -> execute(admin, change))
              .as(change)
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("greenlang.step_results is append-only");
        }
        assertThat(column(admin, "SELECT count(*) FROM greenlang.step_results"))
            .containsExactly("1");
      }
    }
  }

  @Test
  void currentTenantIsHardenedAndNullForRolesThatAreNoTenants() throws Exception {
    try (TestDatabase database = TestPostgres.createDatabase()) {
      migrate(database);
      try (Connection admin = database.openConnection()) {
        assertThat(
                column(
                    admin,
                    "SELECT provolatile::text || ' ' || prosecdef || ' ' || array_to_string(proconfig, ',')"
                        + " FROM pg_proc WHERE oid = 'greenlang.current_tenant()'::regprocedure"))
            .containsExactly("s true search_path=pg_catalog, greenlang, pg_temp");
        assertThat(column(admin, "SELECT greenlang.current_tenant()")).containsOnlyNulls();
        // PUBLIC holds nothing: not EXECUTE on the function (a default for functions), not
        // the mapping, not the schema.
        assertThat(
                column(
                    admin,
                    "SELECT p.proname FROM pg_proc p,"
                        + " aclexplode(COALESCE(p.proacl, acldefault('f', p.proowner))) a"
                        + " WHERE p.pronamespace = 'greenlang'::regnamespace AND a.grantee = 0"
                        + " UNION ALL SELECT c.relname FROM pg_class c,"
                        + " aclexplode(COALESCE(c.relacl, acldefault('r', c.relowner))) a"
                        + " WHERE c.relnamespace = 'greenlang'::regnamespace AND a.grantee = 0"
                        + " UNION ALL SELECT n.nspname FROM pg_namespace n,"
                        + " aclexplode(COALESCE(n.nspacl, acldefault('n', n.nspowner))) a"
                        + " WHERE n.nspname = 'greenlang' AND a.grantee = 0"))
            .isEmpty();
      }
    }
  }

  @Test
  void revokesCreateOnSchemaPublicWhereAnOlderServerWouldStillGrantIt() throws Exception {
    try (TestDatabase database = TestPostgres.createDatabase()) {
      try (Connection admin = database.openConnection()) {
        // What PostgreSQL 14 and older grant in every new database.
        execute(admin, "GRANT CREATE ON SCHEMA public TO PUBLIC");
        assertThat(publicHoldsOnSchemaPublic(admin, "CREATE")).isTrue();
      }

      migrate(database);

      try (Connection admin = database.openConnection()) {
        assertThat(publicHoldsOnSchemaPublic(admin, "CREATE")).isFalse();
        assertThat(publicHoldsOnSchemaPublic(admin, "USAGE")).isTrue();
      }
    }
  }

  @Test
  void refusesAPasswordInTheUrlWithoutEchoingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                schema.migrate(
                    "jdbc:postgresql://127.0.0.1:5432/x?user=postgres&password=hunter2",
                    "postgres",
                    null))
        .withMessageContaining("password argument")
        .withMessageNotContaining("hunter2");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> schema.migrate("jdbc:mysql://127.0.0.1/x", "root", null))
        .withMessageContaining("Not a PostgreSQL JDBC URL");
  }

  private MigrationResult migrate(TestDatabase database) {
    return schema.migrate(
        database.jdbcUrl(), database.server().username(), database.server().password());
  }
}
