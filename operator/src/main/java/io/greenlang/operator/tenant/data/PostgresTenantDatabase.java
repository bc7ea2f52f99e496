package io.greenlang.operator.tenant.data;

import io.greenlang.operator.region.PostgresEndpoint;
import io.greenlang.runtime.schema.DatabaseAccess;
import io.greenlang.runtime.schema.LoginRoles;
import io.greenlang.runtime.schema.RoleName;
import io.greenlang.runtime.schema.RuntimeSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.Driver;
import org.postgresql.core.Utils;

/**
 * The PostgreSQL side of a tenant, one idempotent step at a time so that a re-run after a crash at
 * any point finishes the job: the login role, the dedicated database (isolation database and
 * above), and the runtime's schema with the tenant registered for row-level security. Identifiers
 * are validated and quoted; passwords are hashed client-side (SCRAM) so they never travel or get
 * logged as SQL text.
 */
@ApplicationScoped
public class PostgresTenantDatabase {
  private static final Driver DRIVER = new Driver();

  /** Databases migrated by this process, so a shared database is not re-checked per tenant. */
  private final Set<String> migrated = ConcurrentHashMap.newKeySet();

  private final Map<String, Object> migrationLocks = new ConcurrentHashMap<>();

  /** Roles granted in a database by this process since its last migration there. */
  private final Set<String> granted = ConcurrentHashMap.newKeySet();

  private final RuntimeSchema schema = new RuntimeSchema();

  /** Creates the login role if missing; sets its password when it was just issued or rotated. */
  public void ensureRole(PostgresEndpoint admin, String role, String password, boolean newPassword)
      throws SQLException {
    try (Connection c = connect(admin, admin.database())) {
      if (!roleExists(c, role) || newPassword) {
        LoginRoles.ensure(c, role, password.toCharArray());
      }
    }
  }

  /**
   * Creates the tenant's own database, owned by the administrator so the tenant's role cannot alter
   * the schema or lift row-level security; only that role (and the administrator) may connect.
   */
  public void ensureDatabase(PostgresEndpoint admin, String database, String role)
      throws SQLException {
    RoleName.requireValid(database);
    try (Connection c = connect(admin, admin.database())) {
      if (!databaseExists(c, database)) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE DATABASE " + quote(database));
        }
      }
      DatabaseAccess.restrictConnect(c, database, admin.username());
      DatabaseAccess.grantConnect(c, database, role);
    }
  }

  /**
   * Migrates the runtime schema in {@code database} as the administrator (once per database per
   * operator process) and registers the tenant's role for row-level security.
   */
  public void migrateAndRegister(
      PostgresEndpoint admin, String database, String role, String tenant) throws SQLException {
    String key = ensureMigrated(admin, database);
    String grant = key + "/" + role;
    if (granted.contains(grant)) {
      return;
    }
    try (Connection c = connect(admin, database)) {
      // Only a dedicated database restricts CONNECT. Granting it per tenant on the shared one would
      // add an ACL entry per tenant to one catalog row, which cannot grow past a page.
      if (!database.equals(admin.database())) {
        DatabaseAccess.grantConnect(c, database, role);
      }
      // Idempotent, and it picks up tables of migrations applied since the role was registered.
      schema.grantTenant(c, role, tenant);
    }
    granted.add(grant);
  }

  /**
   * Migrates the runtime schema in {@code database} as the administrator, once per database per
   * operator process; returns the database's key in this process's caches.
   */
  public String ensureMigrated(PostgresEndpoint admin, String database) {
    String key = admin.describe() + "/" + database;
    if (!migrated.contains(key)) {
      // The first reconciles after a start arrive together; one migrates, the others wait for it
      // instead of queuing on Flyway's lock in the database one after another.
      synchronized (migrationLocks.computeIfAbsent(key, k -> new Object())) {
        if (!migrated.contains(key)) {
          var result =
              schema.migrate(
                  "jdbc:postgresql://" + admin.host() + ":" + admin.port() + "/" + database,
                  admin.username(),
                  admin.password());
          if (result.appliedMigrations() > 0) {
            // New tables: every tenant of this database must be granted again.
            granted.removeIf(g -> g.startsWith(key + "/"));
          }
          migrated.add(key);
        }
      }
    }
    return key;
  }

  /** Drops the tenant's database (closing its connections) and role; for deletionPolicy Delete. */
  public void dropDatabaseAndRole(PostgresEndpoint admin, String database, String role)
      throws SQLException {
    RoleName.requireValid(database);
    try (Connection c = connect(admin, admin.database())) {
      try (Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)");
      }
      migrated.remove(admin.describe() + "/" + database);
      granted.removeIf(g -> g.startsWith(admin.describe() + "/" + database + "/"));
      LoginRoles.drop(c, role);
    }
  }

  /**
   * Removes a logical tenant from the shared database, for deletionPolicy Delete: its rows (deleted
   * as the tenant's own role, so row-level security guarantees no other tenant's row is touched)
   * except those of append-only and retained tables (calculation results, factor tables, the audit
   * chain), its registration and its role.
   */
  public void dropSharedTenant(PostgresEndpoint admin, String role, String tenant)
      throws SQLException {
    try (Connection c = connect(admin, admin.database())) {
      if (!roleExists(c, role)) {
        return;
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL ROLE " + quote(role));
        for (String table : tenantTables(c)) {
          s.execute("DELETE FROM " + RuntimeSchema.SCHEMA + "." + quote(table));
        }
        s.execute("RESET ROLE");
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
      schema.revokeTenant(c, role);
      DatabaseAccess.revokeConnect(c, admin.database(), role);
      granted.remove(admin.describe() + "/" + admin.database() + "/" + role);
      LoginRoles.drop(c, role);
    }
  }

  /**
   * The tenant-owned tables whose rows go with the tenant: not the append-only ones (the audit
   * ledger) nor those marked retained (its chain heads), which are kept 7 years whatever happens to
   * the tenant (docs/runtime/audit-ledger.md) and refuse DELETE anyway.
   */
  private static List<String> tenantTables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'"
                + " WHERE n.nspname = ? AND c.relkind = 'r' AND c.relforcerowsecurity"
                + " AND COALESCE(obj_description(c.oid, 'pg_class'), '')"
                + " NOT SIMILAR TO 'greenlang:(append-only|retained)%'"
                + " ORDER BY c.relname")) {
      p.setString(1, RuntimeSchema.SCHEMA);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
    }
    return tables;
  }

  public boolean roleExists(PostgresEndpoint admin, String role) throws SQLException {
    try (Connection c = connect(admin, admin.database())) {
      return roleExists(c, role);
    }
  }

  public boolean databaseExists(PostgresEndpoint admin, String database) throws SQLException {
    try (Connection c = connect(admin, admin.database())) {
      return databaseExists(c, database);
    }
  }

  private static boolean roleExists(Connection c, String role) throws SQLException {
    return exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role);
  }

  private static boolean databaseExists(Connection c, String database) throws SQLException {
    return exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database);
  }

  private static boolean exists(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, value);
      try (ResultSet r = p.executeQuery()) {
        return r.next();
      }
    }
  }

  static Connection connect(PostgresEndpoint endpoint, String database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", endpoint.username());
    if (endpoint.password() != null) {
      props.setProperty("password", endpoint.password());
    }
    if (endpoint.sslMode() != null) {
      props.setProperty("sslmode", endpoint.sslMode());
    }
    props.setProperty("connectTimeout", "5");
    props.setProperty("socketTimeout", "60");
    props.setProperty("ApplicationName", "greenlang-operator");
    return DRIVER.connect(
        "jdbc:postgresql://" + endpoint.host() + ":" + endpoint.port() + "/" + database, props);
  }

  private static String quote(String identifier) throws SQLException {
    return Utils.escapeIdentifier(null, identifier).toString();
  }
}
