package io.greenlang.runtime.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The group role {@value #NAME} that holds the tenant privileges in schema greenlang, and every
 * tenant login role's membership in it.
 *
 * <p>Why a group: granting each tenant role directly puts one ACL entry per tenant on the schema,
 * on every table and on current_tenant(), and PostgreSQL keeps those ACLs in catalog rows that
 * cannot grow past a page; the shared database of logical tenants failed with "row is too big"
 * after about 2,400 tenants. Memberships are rows of their own (pg_auth_members), so they scale to
 * any number of tenants. Row level security is unchanged: current_tenant() maps the login role,
 * never the group, to a tenant, so a member that SETs ROLE to the group sees no rows at all.
 */
final class TenantGroupRole {

  /** The group role, one per PostgreSQL server, shared by all databases of the runtime. */
  static final String NAME = "greenlang_tenant";

  private static final String QUOTED = SqlIdentifier.quoteUnchecked(NAME);
  private static final String SCHEMA = SqlIdentifier.quoteUnchecked(RuntimeSchema.SCHEMA);

  private TenantGroupRole() {}

  /**
   * Creates the group when it does not exist yet (which needs CREATEROLE); safe against a
   * concurrent creation.
   *
   * @throws IllegalStateException when it does not exist and the connected role may not create it
   */
  static void ensureExists(Connection connection) throws SQLException {
    if (exists(connection)) {
      return;
    }
    if (!mayManageRoles(connection)) {
      throw new IllegalStateException(
          "Group role "
              + NAME
              + " does not exist and this role may not create it: create the tenant's login role"
              + " with LoginRoles.ensure (as a role with CREATEROLE) first");
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "DO $$ BEGIN CREATE ROLE "
              + QUOTED
              + " NOLOGIN NOINHERIT;"
              + " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
    }
  }

  /**
   * Makes the group hold exactly the tenant privileges: USAGE on the schema, EXECUTE on
   * current_tenant() and each table's privileges. Writes the catalog only when something differs,
   * so a reconcile of an unchanged tenant changes nothing.
   */
  static void convergePrivileges(
      Connection connection, List<TenantGrants.TenantOwnedTable> tables, String currentTenant)
      throws SQLException {
    if (holdsExactly(connection, tables)) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      TenantGrants.revokeEverything(statement, QUOTED);
      statement.execute("GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + QUOTED);
      for (TenantGrants.TenantOwnedTable table : tables) {
        statement.execute(
            "GRANT "
                + table.privileges()
                + " ON TABLE "
                + SCHEMA
                + "."
                + SqlIdentifier.quote(table.name())
                + " TO "
                + QUOTED);
      }
      statement.execute("GRANT EXECUTE ON FUNCTION " + currentTenant + " TO " + QUOTED);
    }
  }

  /**
   * Whether the group exists and holds exactly the tenant privileges on these tables; read-only, so
   * a grant can tell without taking the per-database lock that it has nothing shared to change.
   */
  static boolean holdsExactly(Connection connection, List<TenantGrants.TenantOwnedTable> tables)
      throws SQLException {
    if (!exists(connection)) {
      return false;
    }
    Set<String> wanted = new TreeSet<>();
    wanted.add("schema greenlang USAGE");
    wanted.add("function current_tenant EXECUTE");
    for (TenantGrants.TenantOwnedTable table : tables) {
      for (String privilege : table.privileges().split(", ")) {
        wanted.add("table " + table.name() + " " + privilege);
      }
    }
    return wanted.equals(held(connection, NAME));
  }

  /** Whether the role is a direct member of the group. */
  static boolean isMember(Connection connection, String roleName) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT 1 FROM pg_catalog.pg_auth_members m"
                + " JOIN pg_catalog.pg_roles g ON g.oid = m.roleid"
                + " JOIN pg_catalog.pg_roles r ON r.oid = m.member"
                + " WHERE g.rolname = ? AND r.rolname = ?")) {
      query.setString(1, NAME);
      query.setString(2, roleName);
      try (ResultSet result = query.executeQuery()) {
        return result.next();
      }
    }
  }

  /** Whether the connected role is a superuser or has CREATEROLE, so it may manage memberships. */
  static boolean mayManageRoles(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT rolsuper OR rolcreaterole FROM pg_catalog.pg_roles"
                    + " WHERE rolname = current_user")) {
      return result.next() && result.getBoolean(1);
    }
  }

  static void addMember(Connection connection, String quotedRole) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("GRANT " + QUOTED + " TO " + quotedRole);
    }
  }

  static void removeMember(Connection connection, String quotedRole) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("REVOKE " + QUOTED + " FROM " + quotedRole);
    }
  }

  /**
   * The privileges a role holds directly in schema greenlang, as "schema greenlang USAGE",
   * "function current_tenant EXECUTE" and "table memory_entries SELECT" strings.
   */
  static Set<String> held(Connection connection, String roleName) throws SQLException {
    Set<String> held = new TreeSet<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT 'schema greenlang ' || a.privilege_type FROM pg_catalog.pg_namespace n,"
                + " pg_catalog.aclexplode(n.nspacl) a, pg_catalog.pg_roles r"
                + " WHERE n.nspname = 'greenlang' AND r.rolname = ? AND a.grantee = r.oid"
                + " UNION ALL"
                + " SELECT 'function ' || p.proname || ' ' || a.privilege_type"
                + " FROM pg_catalog.pg_proc p"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace,"
                + " pg_catalog.aclexplode(p.proacl) a, pg_catalog.pg_roles r"
                + " WHERE n.nspname = 'greenlang' AND r.rolname = ? AND a.grantee = r.oid"
                + " UNION ALL"
                + " SELECT CASE c.relkind WHEN 'S' THEN 'sequence ' ELSE 'table ' END"
                + " || c.relname || ' ' || a.privilege_type"
                + " FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace,"
                + " pg_catalog.aclexplode(c.relacl) a, pg_catalog.pg_roles r"
                + " WHERE n.nspname = 'greenlang' AND r.rolname = ? AND a.grantee = r.oid"
                + " UNION ALL"
                + " SELECT 'column ' || c.relname || '.' || att.attname || ' ' || a.privilege_type"
                + " FROM pg_catalog.pg_attribute att"
                + " JOIN pg_catalog.pg_class c ON c.oid = att.attrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace,"
                + " pg_catalog.aclexplode(att.attacl) a, pg_catalog.pg_roles r"
                + " WHERE n.nspname = 'greenlang' AND r.rolname = ? AND a.grantee = r.oid")) {
      for (int i = 1; i <= 4; i++) {
        query.setString(i, roleName);
      }
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          held.add(result.getString(1));
        }
      }
    }
    return held;
  }

  private static boolean exists(Connection connection) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?")) {
      query.setString(1, NAME);
      try (ResultSet result = query.executeQuery()) {
        return result.next();
      }
    }
  }
}
