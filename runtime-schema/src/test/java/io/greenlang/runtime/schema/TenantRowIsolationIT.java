package io.greenlang.runtime.schema;

import static io.greenlang.runtime.schema.AttackTable.refusedWith;
import static io.greenlang.runtime.schema.TwoTenants.DENIED;
import static io.greenlang.runtime.schema.TwoTenants.ENTRIES;
import static io.greenlang.runtime.schema.TwoTenants.TENANT_A;
import static io.greenlang.runtime.schema.TwoTenants.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.greenlang.runtime.schema.AttackTable.Attempt;
import io.greenlang.runtime.schema.AttackTable.Outcome;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.postgresql.PGConnection;

/**
 * Two tenants, A and B, with login roles of their own in one migrated database: every attempt of A
 * to read, change, or reach B's rows (or to switch the isolation off) is refused. The attempts are
 * printed as a table.
 */
class TenantRowIsolationIT {

  private static final String NOT_SUPPORTED = "0A000";
  private static final AttackTable TABLE = new AttackTable();

  private static TwoTenants tenants;

  @BeforeAll
  static void twoTenantsWithRowsOfTheirOwn() throws SQLException {
    tenants = TwoTenants.prepare();
    assertThat(tenants.rowsOfB).hasSize(3);
  }

  @AfterAll
  static void printTheTableAndCleanUp() throws SQLException {
    if (tenants == null) {
      return;
    }
    TABLE.print(
        System.out,
        "Tenant row isolation: A = "
            + tenants.roleA
            + " (tenant "
            + TENANT_A
            + ", 2 rows), B = "
            + tenants.roleB
            + " (tenant "
            + TENANT_B
            + ", 3 rows)");
    tenants.close();
  }

  @TestFactory
  Stream<DynamicTest> tenantACannotReachTenantB() {
    return attempts().stream()
        .map(
            attempt ->
                dynamicTest(
                    attempt.attempt(),
                    () -> {
                      Outcome outcome = TABLE.run(attempt);
                      assertThat(outcome.asExpected())
                          .as("%s as %s: %s", attempt.attempt(), attempt.as(), outcome.text())
                          .isTrue();
                    }));
  }

  private static List<Attempt> attempts() {
    List<Attempt> attempts = new ArrayList<>();
    attempts.add(
        new Attempt(
            "read all rows: SELECT * FROM memory_entries",
            "A",
            "only A's 2 rows",
            () ->
                tenants.onlyRowsOfA(
                    tenants.tenantIds(tenants.roleA, "SELECT tenant_id FROM " + ENTRIES))));
    attempts.add(
        new Attempt(
            "read B's rows: SELECT ... WHERE tenant_id = 'tenant-b'",
            "A",
            "0 rows",
            () ->
                tenants.count(
                    tenants.tenantIds(
                        tenants.roleA,
                        "SELECT tenant_id FROM " + ENTRIES + " WHERE " + tenants.ofB()),
                    0,
                    "rows")));
    attempts.add(
        new Attempt(
            "UPDATE B's rows",
            "A",
            "0 rows updated",
            () ->
                tenants.updated(
                    tenants.roleA,
                    "UPDATE "
                        + ENTRIES
                        + " SET content = '{\"owned\": true}' WHERE "
                        + tenants.ofB(),
                    "updated")));
    attempts.add(
        new Attempt(
            "DELETE B's rows",
            "A",
            "0 rows deleted",
            () ->
                tenants.updated(
                    tenants.roleA,
                    "DELETE FROM " + ENTRIES + " WHERE " + tenants.ofB(),
                    "deleted")));
    attempts.add(
        new Attempt(
            "INSERT a row with tenant_id = 'tenant-b'",
            "A",
            "denied (WITH CHECK)",
            () ->
                tenants.refused(
                    tenants.roleA,
                    "INSERT INTO "
                        + ENTRIES
                        + " (tenant_id, agent, content) VALUES ('tenant-b', 'x', '{}')")));
    attempts.add(
        new Attempt(
            "hand an own row over: UPDATE ... SET tenant_id = 'tenant-b'",
            "A",
            "denied (WITH CHECK)",
            () ->
                tenants.refused(
                    tenants.roleA, "UPDATE " + ENTRIES + " SET tenant_id = 'tenant-b'")));
    attempts.add(
        new Attempt(
            "SET ROLE B",
            "A",
            "denied",
            () -> tenants.refused(tenants.roleA, "SET ROLE " + tenants.quoted(tenants.roleB))));
    attempts.add(
        new Attempt(
            "set_config('role', B, false)",
            "A",
            "denied",
            () ->
                tenants.refused(
                    tenants.roleA, "SELECT set_config('role', '" + tenants.roleB + "', false)")));
    attempts.add(
        new Attempt(
            "log in with the startup option -c role=B",
            "A",
            "denied",
            () -> {
              Properties options = new Properties();
              options.setProperty("options", "-c role=" + tenants.roleB);
              return refusedWith(
                  DENIED,
                  () ->
                      tenants
                          .roles
                          .connect(tenants.shared.jdbcUrl(), tenants.roleA, options)
                          .close());
            }));
    attempts.add(
        new Attempt(
            "SET ROLE B fails, RESET ROLE, then SELECT",
            "A",
            "only A's 2 rows",
            tenants::resetRoleThenRead));
    attempts.add(
        new Attempt(
            "SET SESSION AUTHORIZATION B",
            "A",
            "denied",
            () ->
                tenants.refused(
                    tenants.roleA, "SET SESSION AUTHORIZATION " + tenants.quoted(tenants.roleB))));
    attempts.add(
        new Attempt(
            "ALTER ROLE A SET role = B, then log in again",
            "A",
            "setting ignored: current_tenant() = tenant-a",
            tenants::persistedRoleSettingIsIgnored));
    attempts.add(
        new Attempt(
            "set_config('greenlang.tenant', 'tenant-b'), then current_tenant()",
            "A",
            "tenant-a (current_tenant() reads the role, not a setting)",
            () ->
                tenants.currentTenantIsA(
                    "SELECT set_config('greenlang.tenant', 'tenant-b', false)",
                    "SELECT greenlang.current_tenant()")));
    attempts.add(
        new Attempt(
            "temporary table tenant_roles mapping A to tenant-b, then current_tenant()",
            "A",
            "tenant-a (qualified names, pg_temp searched last)",
            () ->
                tenants.currentTenantIsA(
                    "CREATE TEMP TABLE tenant_roles (role_name text, tenant_id text);"
                        + " INSERT INTO pg_temp.tenant_roles VALUES ('"
                        + tenants.roleA
                        + "', 'tenant-b')",
                    "SELECT greenlang.current_tenant()")));
    attempts.add(
        new Attempt(
            "CREATE FUNCTION in schema greenlang (SECURITY DEFINER reader)",
            "A",
            "denied",
            () -> tenants.refused(tenants.roleA, tenants.definerFunction("greenlang.read_all"))));
    attempts.add(
        new Attempt(
            "CREATE FUNCTION in schema public (SECURITY DEFINER reader)",
            "A",
            "denied",
            () -> tenants.refused(tenants.roleA, tenants.definerFunction("public.read_all"))));
    attempts.add(
        new Attempt(
            "SECURITY DEFINER function in pg_temp, then call it",
            "A",
            "runs as A: only A's 2 rows",
            tenants::temporaryDefinerFunctionRunsAsA));
    attempts.add(
        new Attempt(
            "COPY memory_entries TO STDOUT", "A", "only A's 2 rows", tenants::copyOutShowsOnlyA));
    attempts.add(
        new Attempt(
            "COPY memory_entries FROM STDIN with tenant_id = 'tenant-b'",
            "A",
            "denied",
            () ->
                refusedWith(
                    NOT_SUPPORTED,
                    () -> {
                      try (Connection a = tenants.roles.connect(tenants.shared, tenants.roleA)) {
                        a.unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn(
                                "COPY " + ENTRIES + " (tenant_id, agent, content) FROM STDIN",
                                new StringReader("tenant-b\tx\t{}\n"));
                      } catch (java.io.IOException e) {
                        throw new SQLException(e);
                      }
                    })));
    attempts.add(
        new Attempt(
            "ALTER TABLE memory_entries DISABLE ROW LEVEL SECURITY",
            "A",
            "denied (not the owner)",
            () ->
                tenants.refused(
                    tenants.roleA, "ALTER TABLE " + ENTRIES + " DISABLE ROW LEVEL SECURITY")));
    attempts.add(
        new Attempt(
            "ALTER TABLE memory_entries NO FORCE ROW LEVEL SECURITY",
            "A",
            "denied (not the owner)",
            () ->
                tenants.refused(
                    tenants.roleA, "ALTER TABLE " + ENTRIES + " NO FORCE ROW LEVEL SECURITY")));
    attempts.add(
        new Attempt(
            "DROP POLICY tenant_isolation",
            "A",
            "denied (not the owner)",
            () -> tenants.refused(tenants.roleA, "DROP POLICY tenant_isolation ON " + ENTRIES)));
    attempts.add(
        new Attempt(
            "CREATE POLICY ... USING (true) (policies are OR-ed)",
            "A",
            "denied (not the owner)",
            () ->
                tenants.refused(
                    tenants.roleA, "CREATE POLICY open_door ON " + ENTRIES + " USING (true)")));
    attempts.add(
        new Attempt(
            "CREATE TRIGGER on memory_entries",
            "A",
            "denied (no TRIGGER privilege)",
            () ->
                tenants.refused(
                    tenants.roleA,
                    "CREATE TRIGGER spy BEFORE INSERT ON "
                        + ENTRIES
                        + " FOR EACH ROW EXECUTE FUNCTION greenlang.current_tenant()")));
    attempts.add(
        new Attempt(
            "TRUNCATE memory_entries",
            "A",
            "denied (no TRUNCATE privilege)",
            () -> tenants.refused(tenants.roleA, "TRUNCATE " + ENTRIES)));
    attempts.add(
        new Attempt(
            "SELECT * FROM greenlang.tenant_roles",
            "A",
            "denied",
            () -> tenants.refused(tenants.roleA, "SELECT * FROM greenlang.tenant_roles")));
    attempts.add(
        new Attempt(
            "UPDATE greenlang.tenant_roles to claim tenant-b",
            "A",
            "denied",
            () ->
                tenants.refused(
                    tenants.roleA,
                    "UPDATE greenlang.tenant_roles SET tenant_id = 'tenant-b'"
                        + " WHERE role_name = current_user")));
    attempts.add(
        new Attempt(
            "SELECT * FROM greenlang.flyway_schema_history",
            "A",
            "denied",
            () -> tenants.refused(tenants.roleA, "SELECT * FROM greenlang.flyway_schema_history")));
    attempts.add(
        new Attempt(
            "read planner statistics (pg_stats most common values)",
            "A",
            "0 rows (the admin sees them)",
            tenants::statisticsAreHidden));
    attempts.add(
        new Attempt(
            "connect to A's database (CONNECT restricted to A)",
            "B",
            "denied (A connects)",
            tenants::onlyAConnectsToItsDatabase));
    attempts.add(
        new Attempt(
            "INSERT ... OVERRIDING SYSTEM VALUE with the id of a row of B and the id the identity"
                + " hands out next; then B inserts",
            "A, then B",
            "no conflict (the key includes tenant_id): nothing learnt, B's insert succeeds",
            tenants::chosenIdsDoNotCollideAcrossTenants));
    attempts.add(
        new Attempt(
            "after all attempts: B's rows",
            "admin",
            "B's 3 rows unchanged",
            () ->
                tenants.rowsOfBAsAdmin().equals(tenants.rowsOfB)
                    ? Outcome.expected("3 rows, unchanged")
                    : Outcome.unexpected("B's rows changed: " + tenants.rowsOfBAsAdmin())));
    return attempts;
  }
}
