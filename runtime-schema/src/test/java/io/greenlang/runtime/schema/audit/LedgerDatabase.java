package io.greenlang.runtime.schema.audit;

import io.greenlang.runtime.schema.RuntimeSchema;
import io.greenlang.runtime.schema.TestRoles;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.core.Utils;

/**
 * A migrated database with a login role per tenant, granted by {@link RuntimeSchema#grantTenant} as
 * the operator grants it: what the audit ledger tests append to. Migrated by the superuser, or by
 * an owner role that is no superuser (the operator's case). Closing drops database and roles.
 */
final class LedgerDatabase implements AutoCloseable {

  final TestRoles roles = new TestRoles();
  final Map<String, String> roleOfTenant = new LinkedHashMap<>();
  final TestDatabase database;

  /** The role that migrated and owns the schema; {@code null} when the superuser did. */
  String owner;

  private LedgerDatabase() {
    database = TestPostgres.createDatabase();
  }

  /** Migrated by the superuser. */
  static LedgerDatabase withTenants(String... tenants) throws SQLException {
    return prepare(false, tenants);
  }

  /** Migrated and granted by an owner role that is no superuser. */
  static LedgerDatabase ownedByARoleWithTenants(String... tenants) throws SQLException {
    return prepare(true, tenants);
  }

  private static LedgerDatabase prepare(boolean byOwner, String... tenants) throws SQLException {
    LedgerDatabase ledger = new LedgerDatabase();
    try {
      ledger.migrateAndGrant(byOwner, tenants);
      return ledger;
    } catch (SQLException | RuntimeException e) {
      try {
        ledger.close();
      } catch (SQLException | RuntimeException cleanupFailure) {
        e.addSuppressed(cleanupFailure);
      }
      throw e;
    }
  }

  private void migrateAndGrant(boolean byOwner, String... tenants) throws SQLException {
    RuntimeSchema schema = new RuntimeSchema();
    if (byOwner) {
      owner = roles.create();
      try (Connection superuser = database.openConnection()) {
        execute(
            superuser, "ALTER DATABASE " + quote(database.name()) + " OWNER TO " + quote(owner));
      }
      schema.migrate(database.jdbcUrl(), owner, roles.password(owner));
    } else {
      schema.migrate(
          database.jdbcUrl(), database.server().username(), database.server().password());
    }
    try (Connection admin = byOwner ? asOwner() : database.openConnection()) {
      for (String tenant : tenants) {
        String role = roles.create();
        schema.grantTenant(admin, role, tenant);
        roleOfTenant.put(tenant, role);
      }
    }
  }

  /** A connection as the tenant's login role: row level security limits it to that tenant. */
  Connection asTenant(String tenant) throws SQLException {
    return roles.connect(database, roleOfTenant.get(tenant));
  }

  /** A connection as the schema's owner (only for {@link #ownedByARoleWithTenants}). */
  Connection asOwner() throws SQLException {
    return roles.connect(database, owner);
  }

  /** A connection as the server's superuser. */
  Connection asSuperuser() throws SQLException {
    return database.openConnection();
  }

  static void execute(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  static String quote(String identifier) throws SQLException {
    return Utils.escapeIdentifier(null, identifier).toString();
  }

  @Override
  public void close() throws SQLException {
    try {
      database.close();
    } finally {
      roles.close();
    }
  }
}
