package io.greenlang.runtime.schema;

import static io.greenlang.runtime.schema.SchemaQueries.bool;
import static io.greenlang.runtime.schema.SchemaQueries.column;
import static io.greenlang.runtime.schema.SchemaQueries.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code greenlang.llm_usage} (V3): tenant row-level security like every tenant-owned table, and
 * append-only for everyone: tenants hold only SELECT and INSERT, and a trigger refuses UPDATE,
 * DELETE and TRUNCATE even to the owner.
 */
class LlmUsageTableIT {

  private static final String ROW =
      "(agent, request_id, attempt, operation, link, endpoint, provider, model, input_tokens,"
          + " output_tokens, cost_usd, billed_usd, status)"
          + " VALUES ('cbam', gen_random_uuid(), 1, 'chat', 'primary', 'anthropic-eu', 'anthropic',"
          + " 'claude-sonnet-4-5', 1000, 500, 0.0105, 0.0105, 'succeeded')";

  private final RuntimeSchema schema = new RuntimeSchema();
  private TestRoles roles;
  private TestDatabase database;
  private Connection admin;
  private String acme;

  @BeforeEach
  void migratedDatabaseWithATenant() throws SQLException {
    roles = new TestRoles();
    database = TestPostgres.createDatabase();
    schema.migrate(database.jdbcUrl(), database.server().username(), database.server().password());
    admin = database.openConnection();
    acme = roles.create();
    schema.grantTenant(admin, acme, "acme");
  }

  @AfterEach
  void dropThem() throws SQLException {
    try {
      admin.close();
      database.close();
    } finally {
      roles.close();
    }
  }

  @Test
  void forcesRowLevelSecurityAndMarksItselfAppendOnly() throws SQLException {
    assertThat(
            bool(
                admin,
                "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class"
                    + " WHERE oid = 'greenlang.llm_usage'::regclass"))
        .isTrue();
    assertThat(column(admin, "SELECT obj_description('greenlang.llm_usage'::regclass, 'pg_class')"))
        .singleElement()
        .asString()
        .startsWith("greenlang:append-only:");
    assertThat(
            column(
                admin,
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE conrelid = 'greenlang.llm_usage'::regclass AND contype = 'p'"))
        .containsExactly("PRIMARY KEY (tenant_id, id)");
    assertThat(
            column(
                admin,
                "SELECT indexdef FROM pg_indexes WHERE schemaname = 'greenlang'"
                    + " AND tablename = 'llm_usage' ORDER BY indexname"))
        .allSatisfy(index -> assertThat(index).contains("(tenant_id"));
  }

  @Test
  void aTenantInsertsAndReadsOnlyItsOwnRows() throws SQLException {
    // The superuser is exempt from row-level security, so it can write another tenant's row.
    execute(
        admin,
        "INSERT INTO greenlang.llm_usage (tenant_id, "
            + ROW.substring(1).replace("VALUES ('cbam'", "VALUES ('other', 'cbam'"));
    try (Connection tenant = roles.connect(database, acme)) {
      execute(tenant, "INSERT INTO greenlang.llm_usage " + ROW);
      assertThat(column(tenant, "SELECT tenant_id FROM greenlang.llm_usage"))
          .containsExactly("acme");
      assertThatThrownBy(
              () ->
                  execute(
                      tenant,
                      "INSERT INTO greenlang.llm_usage (tenant_id, "
                          + ROW.substring(1).replace("VALUES ('cbam'", "VALUES ('other', 'cbam'")))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("row-level security");
    }
  }

  @Test
  void nobodyUpdatesDeletesOrTruncatesIt() throws SQLException {
    try (Connection tenant = roles.connect(database, acme)) {
      execute(tenant, "INSERT INTO greenlang.llm_usage " + ROW);
      assertThatThrownBy(() -> execute(tenant, "UPDATE greenlang.llm_usage SET cost_usd = 0"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> execute(tenant, "DELETE FROM greenlang.llm_usage"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
    // The superuser owns the table and bypasses row-level security; the trigger still refuses.
    assertThatThrownBy(() -> execute(admin, "UPDATE greenlang.llm_usage SET cost_usd = 0"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only: UPDATE");
    assertThatThrownBy(() -> execute(admin, "DELETE FROM greenlang.llm_usage"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only: DELETE");
    assertThatThrownBy(() -> execute(admin, "TRUNCATE greenlang.llm_usage"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only: TRUNCATE");
    assertThat(column(admin, "SELECT count(*) FROM greenlang.llm_usage")).containsExactly("1");
  }

  @Test
  void refusesRowsThatMakeNoSense() throws SQLException {
    try (Connection tenant = roles.connect(database, acme)) {
      assertThatThrownBy(
              () ->
                  execute(
                      tenant,
                      "INSERT INTO greenlang.llm_usage " + ROW.replace("1000, 500", "-1, 500")))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("check constraint");
      assertThatThrownBy(
              () ->
                  execute(
                      tenant,
                      "INSERT INTO greenlang.llm_usage " + ROW.replace("'succeeded'", "'maybe'")))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("check constraint");
      // A failed attempt must say why.
      assertThatThrownBy(
              () ->
                  execute(
                      tenant,
                      "INSERT INTO greenlang.llm_usage "
                          + ROW.replace("0.0105, 0.0105, 'succeeded'", "0, 0, 'failed'")))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("check constraint");
    }
  }
}
