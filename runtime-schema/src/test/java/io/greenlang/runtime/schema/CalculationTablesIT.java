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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant factor tables (V7) and calculation results (V8): tenant-owned by the rule, isolated
 * between tenants, and append-only for everyone, the owner included.
 */
class CalculationTablesIT {

  private static final List<String> TABLES =
      List.of("factor_tables", "factor_rows", "calculation_runs", "calculation_results");
  private static final String HASH = "'" + "a".repeat(64) + "'";

  private final RuntimeSchema schema = new RuntimeSchema();
  private TestRoles roles;
  private TestDatabase database;
  private Connection admin;
  private String roleA;
  private String roleB;

  @BeforeEach
  void twoTenants() throws SQLException {
    roles = new TestRoles();
    database = TestPostgres.createDatabase();
    schema.migrate(database.jdbcUrl(), database.server().username(), database.server().password());
    admin = database.openConnection();
    roleA = roles.create();
    roleB = roles.create();
    schema.grantTenant(admin, roleA, "tenant-a");
    schema.grantTenant(admin, roleB, "tenant-b");
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
  void everyTableFollowsTheRuleAndIsMarkedAppendOnly() throws SQLException {
    for (String table : TABLES) {
      assertThat(
              bool(
                  admin,
                  "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class"
                      + " WHERE oid = 'greenlang."
                      + table
                      + "'::regclass"))
          .as(table)
          .isTrue();
      assertThat(
              column(
                  admin, "SELECT obj_description('greenlang." + table + "'::regclass, 'pg_class')"))
          .singleElement()
          .asString()
          .startsWith("greenlang:append-only: ");
      assertThat(
              column(
                  admin,
                  "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                      + " WHERE conrelid = 'greenlang."
                      + table
                      + "'::regclass AND contype = 'p'"))
          .singleElement()
          .asString()
          .startsWith("PRIMARY KEY (tenant_id, ");
    }
  }

  @Test
  void eachTenantSeesOnlyItsOwnTablesAndResults() throws SQLException {
    try (Connection a = roles.connect(database, roleA);
        Connection b = roles.connect(database, roleB)) {
      publishTableAndResult(a);
      publishTableAndResult(b);
      for (String table : TABLES) {
        assertThat(column(a, "SELECT DISTINCT tenant_id FROM greenlang." + table))
            .as(table)
            .containsExactly("tenant-a");
      }
      assertThatThrownBy(
              () ->
                  execute(
                      a,
                      "INSERT INTO greenlang.factor_tables (tenant_id, table_id, version, title,"
                          + " row_count, content_hash) VALUES ('tenant-b', 'x', 1, 'x', 1, 'h')"))
          .hasMessageContaining("row-level security");
    }
  }

  @Test
  void tenantsMayNotChangeAnythingAndTheOwnerIsStoppedByTheTrigger() throws SQLException {
    try (Connection a = roles.connect(database, roleA)) {
      publishTableAndResult(a);
      for (String table : TABLES) {
        for (String change :
            List.of(
                "UPDATE greenlang." + table + " SET tenant_id = tenant_id",
                "DELETE FROM greenlang." + table,
                "TRUNCATE greenlang." + table + " CASCADE")) {
          assertThatThrownBy(() -> execute(a, change))
              .as(change)
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("permission denied");
        }
      }
    }
    for (String table : TABLES) {
      for (String change :
          List.of(
              "UPDATE greenlang." + table + " SET tenant_id = tenant_id",
              "DELETE FROM greenlang." + table,
              "TRUNCATE greenlang." + table + " CASCADE")) {
        assertThatThrownBy(() -> execute(admin, change))
            .as("as the owner: " + change)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("is append-only");
      }
    }
    assertThat(column(admin, "SELECT count(*) FROM greenlang.factor_rows")).containsExactly("1");
  }

  private static void publishTableAndResult(Connection tenant) throws SQLException {
    execute(
        tenant,
        "INSERT INTO greenlang.factor_tables (table_id, version, title, row_count, content_hash)"
            + " VALUES ('grid', 1, 'Grid factors', 1, "
            + HASH
            + ")",
        "INSERT INTO greenlang.factor_rows (table_id, version, row_id, quantity, subject, value,"
            + " unit, source, edition, source_table, licence)"
            + " VALUES ('grid', 1, 'de', 'grid_emission_factor', 'DE', 0.38, 'kg/kWh', 's', 'e',"
            + " 't', 'l')",
        "INSERT INTO greenlang.calculation_results (run_id, sequence, formula, result_hash,"
            + " previous_hash, chain_hash, provenance) VALUES"
            + " ('00000000-0000-0000-0000-000000000001', 1, 'f', "
            + HASH
            + ", "
            + HASH
            + ", "
            + HASH
            + ", '{}')",
        "INSERT INTO greenlang.calculation_runs (run_id, formula, mode, row_count, result_count,"
            + " error_count, root_hash, totals, errors, code_version) VALUES"
            + " ('00000000-0000-0000-0000-000000000001', 'f', 'single', 1, 1, 0, "
            + HASH
            + ", '{}', '[]', 'test')");
  }
}
