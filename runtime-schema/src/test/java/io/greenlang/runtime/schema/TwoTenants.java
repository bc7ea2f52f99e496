package io.greenlang.runtime.schema;

import static io.greenlang.runtime.schema.AttackTable.refusedWith;

import io.greenlang.runtime.schema.AttackTable.Outcome;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Tenants A and B in one migrated database, each with a login role and rows of its own, plus a
 * database of A's that only A may connect to; and the probes {@link TenantRowIsolationIT} runs
 * against them.
 */
final class TwoTenants implements AutoCloseable {

  static final String TENANT_A = "tenant-a";
  static final String TENANT_B = "tenant-b";
  static final String ENTRIES = "greenlang.memory_entries";
  static final String DENIED = "42501";

  final TestRoles roles = new TestRoles();
  TestDatabase shared;
  TestDatabase databaseOfA;
  String roleA;
  String roleB;
  List<String> rowsOfB;

  /** Prepares both tenants; what was created is dropped again when preparing fails. */
  static TwoTenants prepare() throws SQLException {
    TwoTenants tenants = new TwoTenants();
    try {
      tenants.populate();
      return tenants;
    } catch (SQLException | RuntimeException e) {
      try {
        tenants.close();
      } catch (SQLException | RuntimeException cleanupFailure) {
        e.addSuppressed(cleanupFailure);
      }
      throw e;
    }
  }

  private TwoTenants() {}

  private void populate() throws SQLException {
    shared = TestPostgres.createDatabase();
    databaseOfA = TestPostgres.createDatabase();
    RuntimeSchema schema = new RuntimeSchema();
    roleA = roles.create();
    roleB = roles.create();
    schema.migrate(shared.jdbcUrl(), shared.server().username(), shared.server().password());
    try (Connection admin = shared.openConnection()) {
      schema.grantTenant(admin, roleA, TENANT_A);
      schema.grantTenant(admin, roleB, TENANT_B);
    }
    // tenant_id is left to its default, greenlang.current_tenant().
    insert(roleA, "{\"note\": \"A's memory 1\"}", "{\"note\": \"A's memory 2\"}");
    insert(roleB, "{\"secret\": \"B's memory 1\"}", "{\"secret\": \"B's memory 2\"}");
    insert(roleB, "{\"secret\": \"B's memory 3\"}");
    try (Connection admin = shared.openConnection();
        Statement statement = admin.createStatement()) {
      // Planner statistics with most-common values, so reading pg_stats would show something.
      statement.execute("ANALYZE " + ENTRIES);
    }
    rowsOfB = rowsOfBAsAdmin();
    try (Connection admin = databaseOfA.server().openConnection()) {
      DatabaseAccess.restrictConnect(admin, databaseOfA.name(), roleA);
    }
  }

  /** Drops both databases, then the roles (which cannot go while they hold privileges). */
  @Override
  public void close() throws SQLException {
    try {
      if (shared != null) {
        shared.close();
      }
      if (databaseOfA != null) {
        databaseOfA.close();
      }
    } finally {
      roles.close();
    }
  }

  Outcome refused(String role, String sql) {
    return refusedWith(
        DENIED,
        () -> {
          try (Connection connection = roles.connect(shared, role);
              Statement statement = connection.createStatement()) {
            statement.execute(sql);
          }
        });
  }

  Outcome onlyRowsOfA(List<String> tenantIds) {
    return tenantIds.size() == 2 && tenantIds.stream().allMatch(TENANT_A::equals)
        ? Outcome.expected("2 rows, all tenant-a")
        : Outcome.unexpected("rows of tenants " + tenantIds);
  }

  Outcome count(List<?> rows, int expected, String what) {
    return rows.size() == expected
        ? Outcome.expected(expected + " " + what)
        : Outcome.unexpected(rows.size() + " " + what + ": " + rows);
  }

  Outcome updated(String role, String sql, String what) throws SQLException {
    try (Connection connection = roles.connect(shared, role);
        Statement statement = connection.createStatement()) {
      int count = statement.executeUpdate(sql);
      return count == 0
          ? Outcome.expected("0 rows " + what)
          : Outcome.unexpected(count + " rows " + what);
    }
  }

  Outcome resetRoleThenRead() throws SQLException {
    try (Connection a = roles.connect(shared, roleA);
        Statement statement = a.createStatement()) {
      Outcome setRole = refusedWith(DENIED, () -> statement.execute("SET ROLE " + quoted(roleB)));
      if (!setRole.asExpected()) {
        return setRole;
      }
      statement.execute("RESET ROLE");
      return onlyRowsOfA(tenantIds(statement, "SELECT tenant_id FROM " + ENTRIES));
    }
  }

  Outcome persistedRoleSettingIsIgnored() throws SQLException {
    try {
      try (Connection a = roles.connect(shared, roleA);
          Statement statement = a.createStatement()) {
        statement.execute("ALTER ROLE " + quoted(roleA) + " SET role = " + quoted(roleB));
      }
      Outcome outcome = currentTenantIsA(null, "SELECT greenlang.current_tenant()");
      return outcome.asExpected()
          ? Outcome.expected("stored, ignored at login (warning): " + outcome.text())
          : outcome;
    } finally {
      try (Connection admin = shared.openConnection();
          Statement statement = admin.createStatement()) {
        statement.execute("ALTER ROLE " + quoted(roleA) + " RESET role");
      }
    }
  }

  Outcome currentTenantIsA(String before, String query) throws SQLException {
    try (Connection a = roles.connect(shared, roleA);
        Statement statement = a.createStatement()) {
      if (before != null) {
        statement.execute(before);
      }
      try (ResultSet result = statement.executeQuery(query)) {
        result.next();
        String tenant = result.getString(1);
        return TENANT_A.equals(tenant)
            ? Outcome.expected("current_tenant() = " + tenant)
            : Outcome.unexpected("current_tenant() = " + tenant);
      }
    }
  }

  String definerFunction(String name) {
    return "CREATE FUNCTION "
        + name
        + "() RETURNS SETOF "
        + ENTRIES
        + " LANGUAGE sql SECURITY DEFINER AS 'SELECT * FROM "
        + ENTRIES
        + "'";
  }

  Outcome temporaryDefinerFunctionRunsAsA() throws SQLException {
    try (Connection a = roles.connect(shared, roleA);
        Statement statement = a.createStatement()) {
      statement.execute(definerFunction("pg_temp.read_all"));
      return onlyRowsOfA(tenantIds(statement, "SELECT tenant_id FROM pg_temp.read_all()"));
    }
  }

  Outcome copyOutShowsOnlyA() throws Exception {
    try (Connection a = roles.connect(shared, roleA)) {
      StringWriter out = new StringWriter();
      long copied =
          a.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + ENTRIES + " TO STDOUT", out);
      List<String> lines = out.toString().lines().toList();
      boolean onlyA =
          lines.stream().allMatch(line -> line.contains(TENANT_A) && !line.contains("secret"));
      return copied == 2 && lines.size() == 2 && onlyA
          ? Outcome.expected("2 rows copied, all tenant-a")
          : Outcome.unexpected(copied + " rows copied: " + lines);
    }
  }

  Outcome statisticsAreHidden() throws SQLException {
    String query =
        "SELECT attname FROM pg_stats WHERE schemaname = 'greenlang'"
            + " AND tablename = 'memory_entries'";
    List<String> seenByA = tenantIds(roleA, query);
    List<String> seenByAdmin;
    try (Connection admin = shared.openConnection();
        Statement statement = admin.createStatement()) {
      seenByAdmin = tenantIds(statement, query);
    }
    return seenByA.isEmpty() && !seenByAdmin.isEmpty()
        ? Outcome.expected("0 rows (the admin sees " + seenByAdmin.size() + ")")
        : Outcome.unexpected(seenByA.size() + " rows for A, " + seenByAdmin.size() + " for admin");
  }

  Outcome onlyAConnectsToItsDatabase() throws SQLException {
    try (Connection a = roles.connect(databaseOfA, roleA)) {
      if (!a.isValid(5)) {
        return Outcome.unexpected("A cannot use its own database");
      }
    }
    Outcome b = refusedWith(DENIED, () -> roles.connect(databaseOfA, roleB).close());
    return b.asExpected() ? Outcome.expected(b.text() + "; A connects") : b;
  }

  Outcome chosenIdsDoNotCollideAcrossTenants() throws SQLException {
    long idOfB;
    long nextId;
    try (Connection admin = shared.openConnection();
        Statement statement = admin.createStatement()) {
      idOfB =
          Long.parseLong(
              tenantIds(statement, "SELECT min(id) FROM " + ENTRIES + " WHERE " + ofB()).get(0));
      nextId =
          Long.parseLong(
              tenantIds(
                      statement,
                      "SELECT pg_sequence_last_value(pg_get_serial_sequence('"
                          + ENTRIES
                          + "', 'id')::regclass) + 1")
                  .get(0));
    }
    try {
      try (Connection a = roles.connect(shared, roleA);
          PreparedStatement insert =
              a.prepareStatement(
                  "INSERT INTO "
                      + ENTRIES
                      + " (id, agent, content) OVERRIDING SYSTEM VALUE VALUES (?, 'probe', '{}')")) {
        for (long id : new long[] {idOfB, nextId}) {
          insert.setLong(1, id);
          try {
            insert.executeUpdate();
          } catch (SQLException e) {
            return Outcome.unexpected("A's insert of id " + id + ": " + AttackTable.describe(e));
          }
        }
      }
      try (Connection b = roles.connect(shared, roleB);
          Statement statement = b.createStatement()) {
        String idOfNewRowOfB =
            tenantIds(
                    statement,
                    "INSERT INTO "
                        + ENTRIES
                        + " (agent, content) VALUES ('probe', '{}') RETURNING id")
                .get(0);
        if (!idOfNewRowOfB.equals(String.valueOf(nextId))) {
          return Outcome.unexpected("B's insert got id " + idOfNewRowOfB + ", not " + nextId);
        }
        return Outcome.expected(
            "A inserted ids "
                + idOfB
                + " and "
                + nextId
                + " as its own rows; B's insert got id "
                + idOfNewRowOfB);
      } catch (SQLException e) {
        return Outcome.unexpected("B's insert failed: " + AttackTable.describe(e));
      }
    } finally {
      // Each tenant can only delete its own probe rows.
      for (String role : List.of(roleA, roleB)) {
        try (Connection connection = roles.connect(shared, role);
            Statement statement = connection.createStatement()) {
          statement.executeUpdate("DELETE FROM " + ENTRIES + " WHERE agent = 'probe'");
        }
      }
    }
  }

  void insert(String role, String... contents) throws SQLException {
    try (Connection connection = roles.connect(shared, role);
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO " + ENTRIES + " (agent, content) VALUES ('cbam', ?::jsonb)")) {
      for (String content : contents) {
        insert.setString(1, content);
        insert.executeUpdate();
      }
    }
  }

  List<String> rowsOfBAsAdmin() throws SQLException {
    try (Connection admin = shared.openConnection();
        Statement statement = admin.createStatement()) {
      return tenantIds(
          statement,
          "SELECT id || ' ' || agent || ' ' || content::text FROM "
              + ENTRIES
              + " WHERE "
              + ofB()
              + " ORDER BY id");
    }
  }

  List<String> tenantIds(String role, String query) throws SQLException {
    try (Connection connection = roles.connect(shared, role);
        Statement statement = connection.createStatement()) {
      return tenantIds(statement, query);
    }
  }

  /** The first column of every row. */
  List<String> tenantIds(Statement statement, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(query)) {
      while (result.next()) {
        values.add(result.getString(1));
      }
    }
    return values;
  }

  String ofB() {
    return "tenant_id = '" + TENANT_B + "'";
  }

  String quoted(String role) throws SQLException {
    return SqlIdentifier.quote(role);
  }
}
