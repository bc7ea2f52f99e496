package io.greenlang.runtime.schema;

import static io.greenlang.runtime.schema.SchemaQueries.column;
import static io.greenlang.runtime.schema.SchemaQueries.columnPrivileges;
import static io.greenlang.runtime.schema.SchemaQueries.execute;
import static io.greenlang.runtime.schema.SchemaQueries.schemaAndFunctionPrivileges;
import static io.greenlang.runtime.schema.SchemaQueries.tablePrivileges;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link RuntimeSchema#grantTenant} and {@link RuntimeSchema#revokeTenant} change. */
class TenantGrantsIT {

  private static final Map<String, List<String>> TENANT_TABLE_PRIVILEGES =
      Map.of(
          "memory_entries", List.of("DELETE", "INSERT", "SELECT", "UPDATE"),
          // The chain heads: the triggers of V5 narrow UPDATE and DELETE
          // (docs/runtime/audit-ledger.md).
          "audit_chain_heads", List.of("DELETE", "INSERT", "SELECT", "UPDATE"),
          // Append-only by its comment.
          "audit_events", List.of("INSERT", "SELECT"),
          // Append-only (its comment): the record of LLM calls tenants are billed from.
          "llm_usage", List.of("INSERT", "SELECT"),
          // Append-only (its comment): stored step results, idempotent by task.
          "step_results", List.of("INSERT", "SELECT"),
          // Append-only (their comments): tenant factor tables and calculation results.
          "factor_tables", List.of("INSERT", "SELECT"),
          "factor_rows", List.of("INSERT", "SELECT"),
          "calculation_runs", List.of("INSERT", "SELECT"),
          "calculation_results", List.of("INSERT", "SELECT"));

  private static final List<String> TENANT_SCHEMA_PRIVILEGES =
      List.of("function current_tenant EXECUTE", "schema greenlang USAGE");

  private final RuntimeSchema schema = new RuntimeSchema();
  private TestRoles roles;
  private TestDatabase database;
  private Connection admin;
  private String role;

  @BeforeEach
  void migratedDatabaseAndALoginRole() throws SQLException {
    roles = new TestRoles();
    database = TestPostgres.createDatabase();
    schema.migrate(database.jdbcUrl(), database.server().username(), database.server().password());
    admin = database.openConnection();
    role = roles.create();
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
  void grantsExactlyTheTenantPrivilegesAndNothingElse() throws SQLException {
    schema.grantTenant(admin, role, "acme");

    assertThat(tablePrivileges(admin, role)).isEqualTo(TENANT_TABLE_PRIVILEGES);
    assertThat(columnPrivileges(admin, role)).isEmpty();
    assertThat(schemaAndFunctionPrivileges(admin, role))
        .containsExactlyElementsOf(TENANT_SCHEMA_PRIVILEGES);
    assertThat(column(admin, "SELECT role_name || ' ' || tenant_id FROM greenlang.tenant_roles"))
        .containsExactly(role + " acme");
    assertThat(TenantGroupRole.held(admin, role))
        .as("the login role holds nothing itself, only its membership")
        .isEmpty();
    assertThat(TenantGroupRole.isMember(admin, role)).isTrue();
  }

  @Test
  void aTenantThatBecomesTheGroupRoleIsNoTenantAtAll() throws SQLException {
    schema.grantTenant(admin, role, "acme");
    try (Connection tenant = roles.connect(database, role)) {
      execute(tenant, "INSERT INTO greenlang.memory_entries (agent, content) VALUES ('a', '{}')");
      execute(tenant, "SET ROLE " + TenantGroupRole.NAME);
      assertThat(column(tenant, "SELECT count(*) FROM greenlang.memory_entries"))
          .containsExactly("0");
      assertThat(column(tenant, "SELECT coalesce(greenlang.current_tenant(), 'none')"))
          .containsExactly("none");
    }
  }

  /**
   * Granted one by one, the ACLs on the schema and the tables outgrew a catalog page after about
   * 2,400 tenants of one database ("row is too big"): through the group role every ACL keeps the
   * same entries however many tenants there are.
   */
  @Test
  void aclsStayTheSameSizeHoweverManyTenants() throws SQLException {
    schema.grantTenant(admin, role, "acme");
    List<String> before = aclSizes();
    List<String> more = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        String name = role + "_" + i;
        LoginRoles.ensure(admin, name, "not-used-to-log-in".toCharArray());
        more.add(name);
        schema.grantTenant(admin, name, "tenant-" + i);
      }
      assertThat(aclSizes()).isEqualTo(before);
      assertThat(tablePrivileges(admin, more.get(19))).isEqualTo(TENANT_TABLE_PRIVILEGES);
    } finally {
      for (String name : more) {
        schema.revokeTenant(admin, name);
        LoginRoles.drop(admin, name);
      }
    }
  }

  /**
   * Tenants of one database are granted side by side (one reconcile thread each), the first ones
   * while the group's privileges are still being set up: none fails with "tuple concurrently
   * updated", and each ends a member holding nothing itself.
   */
  @Test
  void tenantsGrantedConcurrentlyAllEndGranted() throws Exception {
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String name = role + "_c" + i;
      LoginRoles.ensure(admin, name, "not-used-to-log-in".toCharArray());
      names.add(name);
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<?>> grants = new java.util.ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        String tenant = "tenant-c" + i;
        grants.add(
            pool.submit(
                () -> {
                  try (Connection own = database.openConnection()) {
                    schema.grantTenant(own, name, tenant);
                  }
                  return null;
                }));
      }
      for (var grant : grants) {
        grant.get();
      }
      for (String name : names) {
        assertThat(TenantGroupRole.isMember(admin, name)).isTrue();
        assertThat(TenantGroupRole.held(admin, name)).isEmpty();
      }
      assertThat(column(admin, "SELECT count(*) FROM greenlang.tenant_roles"))
          .containsExactly(String.valueOf(names.size()));
    } finally {
      pool.shutdownNow();
      for (String name : names) {
        schema.revokeTenant(admin, name);
        LoginRoles.drop(admin, name);
      }
    }
  }

  private List<String> aclSizes() throws SQLException {
    return column(
        admin,
        "SELECT 'schema ' || coalesce(array_length(nspacl, 1), 0) FROM pg_namespace"
            + " WHERE nspname = 'greenlang'"
            + " UNION ALL SELECT c.relname || ' ' || coalesce(array_length(c.relacl, 1), 0)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = 'greenlang' AND c.relkind IN ('r', 'p')"
            + " UNION ALL SELECT p.proname || ' ' || coalesce(array_length(p.proacl, 1), 0)"
            + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE n.nspname = 'greenlang' ORDER BY 1");
  }

  @Test
  void grantingAgainChangesNothing() throws SQLException {
    schema.grantTenant(admin, role, "acme");
    schema.grantTenant(admin, role, "acme");

    assertThat(tablePrivileges(admin, role)).isEqualTo(TENANT_TABLE_PRIVILEGES);
    assertThat(schemaAndFunctionPrivileges(admin, role))
        .containsExactlyElementsOf(TENANT_SCHEMA_PRIVILEGES);
    assertThat(column(admin, "SELECT count(*) FROM greenlang.tenant_roles")).containsExactly("1");
  }

  @Test
  void grantingTakesBackPrivilegesBeyondTheTenantSet() throws SQLException {
    String quoted = SqlIdentifier.quote(role);
    execute(
        admin,
        "GRANT ALL ON greenlang.memory_entries TO " + quoted,
        "GRANT SELECT, UPDATE ON greenlang.tenant_roles TO " + quoted,
        "GRANT SELECT ON greenlang.flyway_schema_history TO " + quoted,
        "GRANT UPDATE (tenant_id) ON greenlang.tenant_roles TO " + quoted,
        "GRANT CREATE ON SCHEMA greenlang TO " + quoted);

    schema.grantTenant(admin, role, "acme");

    assertThat(tablePrivileges(admin, role)).isEqualTo(TENANT_TABLE_PRIVILEGES);
    assertThat(columnPrivileges(admin, role)).isEmpty();
    assertThat(schemaAndFunctionPrivileges(admin, role))
        .containsExactlyElementsOf(TENANT_SCHEMA_PRIVILEGES);
  }

  @Test
  void revokingTakesEverythingBackAndCanBeRepeated() throws SQLException {
    schema.grantTenant(admin, role, "acme");

    schema.revokeTenant(admin, role);
    schema.revokeTenant(admin, role);

    assertThat(tablePrivileges(admin, role)).isEmpty();
    assertThat(schemaAndFunctionPrivileges(admin, role)).isEmpty();
    assertThat(column(admin, "SELECT count(*) FROM greenlang.tenant_roles")).containsExactly("0");
    assertThat(column(admin, "SELECT count(*) FROM pg_roles WHERE rolname = '" + role + "'"))
        .as("the role itself stays")
        .containsExactly("1");
    // Granted again after a revoke, the role may act for another tenant.
    schema.grantTenant(admin, role, "globex");
    assertThat(column(admin, "SELECT tenant_id FROM greenlang.tenant_roles"))
        .containsExactly("globex");
  }

  @Test
  void revokingARoleThatNoLongerExistsDeletesItsRow() throws SQLException {
    execute(
        admin,
        "INSERT INTO greenlang.tenant_roles (role_name, tenant_id) VALUES ('gl_t_gone', 'gone')");

    schema.revokeTenant(admin, "gl_t_gone");

    assertThat(column(admin, "SELECT count(*) FROM greenlang.tenant_roles")).containsExactly("0");
  }

  @Test
  void aTableAddedLaterByTheRuleIsGrantedOnTheNextGrant() throws SQLException {
    schema.grantTenant(admin, role, "acme");
    execute(
        admin,
        "CREATE TABLE greenlang.later_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            + " tenant_id text NOT NULL DEFAULT greenlang.current_tenant(), event text NOT NULL)",
        "ALTER TABLE greenlang.later_events ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE greenlang.later_events FORCE ROW LEVEL SECURITY",
        "CREATE POLICY tenant_isolation ON greenlang.later_events FOR ALL"
            + " USING (tenant_id = greenlang.current_tenant())"
            + " WITH CHECK (tenant_id = greenlang.current_tenant())");

    schema.grantTenant(admin, role, "acme");

    assertThat(tablePrivileges(admin, role))
        .containsEntry("later_events", List.of("DELETE", "INSERT", "SELECT", "UPDATE"))
        .hasSize(TENANT_TABLE_PRIVILEGES.size() + 1);
    try (Connection tenant = roles.connect(database, role)) {
      execute(tenant, "INSERT INTO greenlang.later_events (event) VALUES ('created')");
      assertThat(column(tenant, "SELECT tenant_id FROM greenlang.later_events"))
          .containsExactly("acme");
    }
  }

  @Test
  void anAppendOnlyTableIsGrantedOnlySelectAndInsert() throws SQLException {
    execute(
        admin,
        "CREATE TABLE greenlang.ledger_lines (id bigint GENERATED ALWAYS AS IDENTITY,"
            + " tenant_id text NOT NULL DEFAULT greenlang.current_tenant(), line text NOT NULL,"
            + " PRIMARY KEY (tenant_id, id))",
        "ALTER TABLE greenlang.ledger_lines ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE greenlang.ledger_lines FORCE ROW LEVEL SECURITY",
        "CREATE POLICY tenant_isolation ON greenlang.ledger_lines FOR ALL"
            + " USING (tenant_id = greenlang.current_tenant())"
            + " WITH CHECK (tenant_id = greenlang.current_tenant())",
        "COMMENT ON TABLE greenlang.ledger_lines IS 'greenlang:append-only: a test ledger'");

    schema.grantTenant(admin, role, "acme");

    assertThat(tablePrivileges(admin, role))
        .containsEntry("ledger_lines", List.of("INSERT", "SELECT"));
    try (Connection tenant = roles.connect(database, role)) {
      execute(tenant, "INSERT INTO greenlang.ledger_lines (line) VALUES ('first')");
      assertThatThrownBy(() -> execute(tenant, "UPDATE greenlang.ledger_lines SET line = 'x'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> execute(tenant, "DELETE FROM greenlang.ledger_lines"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void refusesToGrantWhileATenantOwnedTableDoesNotForceRowLevelSecurity() throws SQLException {
    execute(
        admin,
        "CREATE TABLE greenlang.leaky (tenant_id text NOT NULL, secret text)",
        "ALTER TABLE greenlang.leaky ENABLE ROW LEVEL SECURITY");

    assertThatIllegalStateException()
        .isThrownBy(() -> schema.grantTenant(admin, role, "acme"))
        .withMessageContaining("[leaky]")
        .withMessageContaining("FORCE ROW LEVEL SECURITY");
    assertThat(column(admin, "SELECT count(*) FROM greenlang.tenant_roles"))
        .as("rolled back")
        .containsExactly("0");
    assertThat(tablePrivileges(admin, role)).isEmpty();
  }

  @Test
  void refusesToRebindARoleOrToGiveATenantASecondRole() throws SQLException {
    schema.grantTenant(admin, role, "acme");
    String other = roles.create();

    assertThatIllegalStateException()
        .isThrownBy(() -> schema.grantTenant(admin, role, "globex"))
        .withMessageContaining(role)
        .withMessageContaining("revokeTenant");
    assertThatIllegalStateException()
        .isThrownBy(() -> schema.grantTenant(admin, other, "acme"))
        .withMessageContaining("Tenant acme already has the login role " + role);
    assertThat(TenantGroupRole.held(admin, other)).isEmpty();
    assertThat(column(admin, "SELECT role_name FROM greenlang.tenant_roles")).containsExactly(role);
  }

  @Test
  void refusesRolesRowLevelSecurityWouldNotHold() throws SQLException {
    String bypass = roles.adopt("gl_t_bypass_" + TestRoles.randomHex(4));
    execute(admin, "CREATE ROLE " + bypass + " LOGIN BYPASSRLS");
    assertThatIllegalStateException()
        .isThrownBy(() -> schema.grantTenant(admin, bypass, "acme"))
        .withMessageContaining("BYPASSRLS");

    String tableOwner = roles.create();
    execute(admin, "ALTER TABLE greenlang.memory_entries OWNER TO " + tableOwner);
    assertThatIllegalStateException()
        .isThrownBy(() -> schema.grantTenant(admin, tableOwner, "acme"))
        .withMessageContaining("owns");

    schema.grantTenant(admin, role, "acme");
    String memberOfAcme = roles.create();
    execute(admin, "GRANT " + role + " TO " + memberOfAcme);
    assertThatIllegalStateException()
        .isThrownBy(() -> schema.grantTenant(admin, memberOfAcme, "globex"))
        .withMessageContaining("[" + role + "]");

    String hasAcmeAsMember = roles.create();
    execute(admin, "GRANT " + hasAcmeAsMember + " TO " + role);
    assertThatIllegalStateException()
        .isThrownBy(() -> schema.grantTenant(admin, hasAcmeAsMember, "initech"))
        .withMessageContaining("[" + role + "]");

    String between = roles.create();
    String indirectMember = roles.create();
    execute(admin, "GRANT " + between + " TO " + indirectMember);
    execute(admin, "GRANT " + role + " TO " + between);
    assertThatIllegalStateException()
        .isThrownBy(() -> schema.grantTenant(admin, indirectMember, "umbrella"))
        .withMessageContaining("[" + role + "]");
  }

  @Test
  void rejectsInvalidNamesAndMissingRolesBeforeChangingAnything() throws SQLException {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> schema.grantTenant(admin, "x\"; DROP TABLE greenlang.tenant_roles; --", "a"))
        .withMessageContaining("x\"; DROP TABLE greenlang.tenant_roles; --");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> schema.revokeTenant(admin, "public"))
        .withMessageContaining("\"public\"");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> schema.grantTenant(admin, role, " "))
        .withMessageContaining(role);
    assertThatIllegalStateException()
        .isThrownBy(() -> schema.grantTenant(admin, "gl_t_missing", "acme"))
        .withMessageContaining("gl_t_missing does not exist");
    assertThat(column(admin, "SELECT count(*) FROM greenlang.tenant_roles")).containsExactly("0");
  }

  @Test
  void refusesADatabaseThatIsNotMigrated() throws SQLException {
    try (TestDatabase empty = TestPostgres.createDatabase();
        Connection emptyAdmin = empty.openConnection()) {
      assertThatIllegalStateException()
          .isThrownBy(() -> schema.grantTenant(emptyAdmin, role, "acme"))
          .withMessageContaining("RuntimeSchema.migrate");
    }
  }

  @Test
  void joinsTheCallersTransaction() throws SQLException {
    admin.setAutoCommit(false);
    schema.grantTenant(admin, role, "acme");
    admin.rollback();
    admin.setAutoCommit(true);

    assertThat(column(admin, "SELECT count(*) FROM greenlang.tenant_roles")).containsExactly("0");
    assertThat(tablePrivileges(admin, role)).isEmpty();
  }
}
