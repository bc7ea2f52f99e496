package io.greenlang.runtime.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Grants a tenant login role exactly what the tenancy model allows in schema {@code greenlang}, and
 * takes it back. Every statement is schema-qualified: the admin connection's search_path is not
 * trusted.
 */
final class TenantGrants {

  private static final String SCHEMA = SqlIdentifier.quoteUnchecked(RuntimeSchema.SCHEMA);
  private static final String CURRENT_TENANT = SCHEMA + ".current_tenant()";

  /**
   * The comment that marks a tenant-owned table as append-only: tenants may read and insert rows,
   * never change or remove them (the audit ledger, the LLM usage record).
   */
  static final String APPEND_ONLY_MARKER = "greenlang:append-only";

  /**
   * A table holding tenants' rows, whether row level security is enabled and forced on it, and
   * whether its comment marks it append-only.
   */
  record TenantOwnedTable(String name, boolean rowSecurity, boolean forced, boolean appendOnly) {

    String privileges() {
      return appendOnly ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE";
    }
  }

  private TenantGrants() {}

  static void grant(Connection admin, String roleName, String tenantId) throws SQLException {
    RoleName.requireValid(roleName);
    if (TenantGroupRole.NAME.equals(roleName)) {
      throw new IllegalArgumentException(
          "Role " + roleName + " is the tenants' group role, not a tenant's login role");
    }
    if (tenantId == null || tenantId.isBlank()) {
      throw new IllegalArgumentException("A tenant id is required for role " + roleName);
    }
    AdminTransaction.run(
        admin,
        connection -> {
          // The checks and the reading of catalogs run before the per-database lock, which is
          // then held only for what must not interleave: changing the group's privileges (rare),
          // and checking other tenants' bindings against this one before adding it.
          requireMigrated(connection);
          requireRoleRowSecurityApplies(connection, roleName);
          List<TenantOwnedTable> tables = tenantOwnedTables(connection);
          boolean groupReady = TenantGroupRole.holdsExactly(connection, tables);
          boolean holdsDirectly = !TenantGroupRole.held(connection, roleName).isEmpty();
          boolean member = TenantGroupRole.isMember(connection, roleName);
          if (groupReady && !holdsDirectly && member && isBound(connection, roleName, tenantId)) {
            // Already granted: nothing to write, so nothing to serialise.
            requireNoOtherTenantRoleMembership(connection, roleName);
            return;
          }
          serialise(connection);
          if (!groupReady) {
            TenantGroupRole.ensureExists(connection);
            TenantGroupRole.convergePrivileges(connection, tables, CURRENT_TENANT);
          }
          requireNoOtherTenantRoleMembership(connection, roleName);
          bind(connection, roleName, tenantId);
          String role = SqlIdentifier.quote(roleName);
          // The role holds nothing itself: privileges granted to it directly (by an earlier
          // version, or by hand) go, so that membership is all it has.
          if (holdsDirectly) {
            try (Statement statement = connection.createStatement()) {
              revokeEverything(statement, role);
            }
          }
          if (!member) {
            if (!TenantGroupRole.mayManageRoles(connection)) {
              throw new IllegalStateException(
                  "Role "
                      + roleName
                      + " is not a member of group role "
                      + TenantGroupRole.NAME
                      + ", and this role may not make it one: create or refresh the login role"
                      + " with LoginRoles.ensure first");
            }
            TenantGroupRole.addMember(connection, role);
          }
        });
  }

  private static boolean isBound(Connection connection, String roleName, String tenantId)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT 1 FROM greenlang.tenant_roles WHERE role_name = ? AND tenant_id = ?")) {
      query.setString(1, roleName);
      query.setString(2, tenantId);
      try (ResultSet result = query.executeQuery()) {
        return result.next();
      }
    }
  }

  static void revoke(Connection admin, String roleName) throws SQLException {
    RoleName.requireValid(roleName);
    AdminTransaction.run(
        admin,
        connection -> {
          serialise(connection);
          requireMigrated(connection);
          if (roleExists(connection, roleName)) {
            requireNotOwner(connection, roleName);
            String role = SqlIdentifier.quote(roleName);
            if (!TenantGroupRole.held(connection, roleName).isEmpty()) {
              try (Statement statement = connection.createStatement()) {
                revokeEverything(statement, role);
              }
            }
            // Without its tenant_roles row the role sees no rows, member or not; a database
            // owner without CREATEROLE leaves the membership to LoginRoles.drop.
            if (TenantGroupRole.isMember(connection, roleName)
                && TenantGroupRole.mayManageRoles(connection)) {
              TenantGroupRole.removeMember(connection, role);
            }
          }
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM greenlang.tenant_roles WHERE role_name = ?")) {
            delete.setString(1, roleName);
            delete.executeUpdate();
          }
        });
  }

  /**
   * One grant or revoke at a time per database: concurrent GRANTs on the same catalog row fail with
   * "tuple concurrently updated", and the checks must see each other's bindings.
   */
  private static void serialise(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_catalog.pg_advisory_xact_lock(7365428913)");
    }
  }

  static void revokeEverything(Statement statement, String role) throws SQLException {
    statement.execute("REVOKE ALL ON ALL TABLES IN SCHEMA " + SCHEMA + " FROM " + role);
    statement.execute("REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + SCHEMA + " FROM " + role);
    statement.execute("REVOKE ALL ON ALL ROUTINES IN SCHEMA " + SCHEMA + " FROM " + role);
    statement.execute("REVOKE ALL ON SCHEMA " + SCHEMA + " FROM " + role);
  }

  private static void requireMigrated(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT pg_catalog.to_regclass('greenlang.tenant_roles') IS NOT NULL,"
                    + " pg_catalog.current_database()")) {
      result.next();
      if (!result.getBoolean(1)) {
        throw new IllegalStateException(
            "Database "
                + result.getString(2)
                + " has no greenlang.tenant_roles: run RuntimeSchema.migrate on it first");
      }
    }
  }

  private static boolean roleExists(Connection connection, String roleName) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?")) {
      query.setString(1, roleName);
      try (ResultSet result = query.executeQuery()) {
        return result.next();
      }
    }
  }

  /** Superusers, BYPASSRLS roles and owners are not subject to (or can switch off) the policies. */
  private static void requireRoleRowSecurityApplies(Connection connection, String roleName)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT rolsuper, rolbypassrls, rolinherit FROM pg_catalog.pg_roles"
                + " WHERE rolname = ?")) {
      query.setString(1, roleName);
      try (ResultSet result = query.executeQuery()) {
        if (!result.next()) {
          throw new IllegalStateException(
              "Role " + roleName + " does not exist: create the login role before granting it");
        }
        if (result.getBoolean("rolsuper") || result.getBoolean("rolbypassrls")) {
          throw new IllegalStateException(
              "Role "
                  + roleName
                  + " is a superuser or has BYPASSRLS: row level security would not apply to it");
        }
        if (!result.getBoolean("rolinherit")) {
          throw new IllegalStateException(
              "Role "
                  + roleName
                  + " is NOINHERIT, so it would not use the privileges of group role "
                  + TenantGroupRole.NAME
                  + ": ALTER ROLE it INHERIT");
        }
      }
    }
    requireNotOwner(connection, roleName);
  }

  private static void requireNotOwner(Connection connection, String roleName) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n"
                + " WHERE n.nspname = 'greenlang'"
                + " AND pg_catalog.pg_has_role(?::name, n.nspowner, 'MEMBER'))"
                + " OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'greenlang'"
                + " AND pg_catalog.pg_has_role(?::name, c.relowner, 'MEMBER'))")) {
      query.setString(1, roleName);
      query.setString(2, roleName);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        if (result.getBoolean(1)) {
          throw new IllegalStateException(
              "Role "
                  + roleName
                  + " owns (or is a member of the owner of) schema greenlang or its tables, so it"
                  + " could switch row level security off: give the tenant a login role of its own");
        }
      }
    }
  }

  /**
   * A member of another tenant's role could SET ROLE to it, and the other way round. Walks the
   * role's own memberships up and down (a handful of rows) rather than asking pg_has_role of every
   * bound tenant role, which grew with the number of tenants of the database.
   */
  private static void requireNoOtherTenantRoleMembership(Connection connection, String roleName)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "WITH RECURSIVE self AS (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = ?),"
                + " up(oid) AS (SELECT m.roleid FROM pg_catalog.pg_auth_members m, self"
                + " WHERE m.member = self.oid"
                + " UNION SELECT m.roleid FROM pg_catalog.pg_auth_members m JOIN up"
                + " ON m.member = up.oid),"
                + " down(oid) AS (SELECT m.member FROM pg_catalog.pg_auth_members m, self"
                + " WHERE m.roleid = self.oid"
                + " UNION SELECT m.member FROM pg_catalog.pg_auth_members m JOIN down"
                + " ON m.roleid = down.oid)"
                + " SELECT t.role_name FROM greenlang.tenant_roles t"
                + " JOIN pg_catalog.pg_roles r ON r.rolname = t.role_name"
                + " WHERE t.role_name <> ?"
                + " AND r.oid IN (SELECT oid FROM up UNION SELECT oid FROM down)"
                + " ORDER BY t.role_name")) {
      query.setString(1, roleName);
      query.setString(2, roleName);
      try (ResultSet result = query.executeQuery()) {
        List<String> related = new ArrayList<>();
        while (result.next()) {
          related.add(result.getString(1));
        }
        if (!related.isEmpty()) {
          throw new IllegalStateException(
              "Role "
                  + roleName
                  + " is a member of, or has as member, the tenant role(s) "
                  + related
                  + ": one could act as the other");
        }
      }
    }
  }

  /**
   * Records that roleName acts for tenantId; a role or tenant already bound otherwise is refused.
   */
  private static void bind(Connection connection, String roleName, String tenantId)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO greenlang.tenant_roles (role_name, tenant_id) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      insert.setString(1, roleName);
      insert.setString(2, tenantId);
      insert.executeUpdate();
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT role_name, tenant_id FROM greenlang.tenant_roles"
                + " WHERE role_name = ? OR tenant_id = ?")) {
      query.setString(1, roleName);
      query.setString(2, tenantId);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          String boundRole = result.getString(1);
          String boundTenant = result.getString(2);
          if (boundRole.equals(roleName) && !boundTenant.equals(tenantId)) {
            throw new IllegalStateException(
                "Role "
                    + roleName
                    + " already acts for another tenant: revoke it (revokeTenant) before granting"
                    + " it to tenant "
                    + tenantId);
          }
          if (!boundRole.equals(roleName)) {
            throw new IllegalStateException(
                "Tenant " + tenantId + " already has the login role " + boundRole);
          }
        }
      }
    }
  }

  /**
   * Every table of schema greenlang with a tenant_id column, except tenant_roles and partitions
   * (reached through their parent, whose policies apply).
   *
   * @throws IllegalStateException when one of them does not enable and force row level security
   */
  private static List<TenantOwnedTable> tenantOwnedTables(Connection connection)
      throws SQLException {
    List<TenantOwnedTable> found = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,"
                    + " COALESCE(pg_catalog.obj_description(c.oid, 'pg_class'), '')"
                    + " LIKE '"
                    + APPEND_ONLY_MARKER
                    + "%'"
                    + " FROM pg_catalog.pg_class c"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                    + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid"
                    + " WHERE n.nspname = 'greenlang' AND c.relkind IN ('r', 'p')"
                    + " AND NOT c.relispartition AND c.relname <> 'tenant_roles'"
                    + " AND a.attname = 'tenant_id' AND NOT a.attisdropped"
                    + " ORDER BY c.relname")) {
      while (result.next()) {
        found.add(
            new TenantOwnedTable(
                result.getString(1),
                result.getBoolean(2),
                result.getBoolean(3),
                result.getBoolean(4)));
      }
    }
    List<String> unprotected =
        found.stream()
            .filter(t -> !t.rowSecurity() || !t.forced())
            .map(TenantOwnedTable::name)
            .toList();
    if (!unprotected.isEmpty()) {
      throw new IllegalStateException(
          "Tenant-owned table(s) "
              + unprotected
              + " in schema greenlang do not ENABLE and FORCE ROW LEVEL SECURITY; refusing to grant"
              + " (see the rule in V2__memory_entries.sql)");
    }
    return found;
  }
}
