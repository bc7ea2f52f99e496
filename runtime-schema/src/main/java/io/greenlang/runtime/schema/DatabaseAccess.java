package io.greenlang.runtime.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Who may connect to a database: a database dedicated to one tenant (isolation level {@code
 * database}) admits only the roles named here, so other tenants' roles on the same server cannot
 * even open a session in it. Sessions already open are not ended.
 */
public final class DatabaseAccess {

  private DatabaseAccess() {}

  /**
   * Revokes CONNECT on {@code database} from PUBLIC and grants it to {@code ownerRole}. Atomic, see
   * {@link RuntimeSchema#grantTenant} for transactions.
   *
   * @param admin a connection, as the database's owner or a superuser, to any database on the
   *     server
   * @throws IllegalArgumentException when the database or role name is invalid
   * @throws IllegalStateException when PUBLIC still may connect afterwards (the admin role is
   *     neither the owner nor a superuser, so PostgreSQL only warned)
   * @throws SQLException when a statement fails, e.g. the database or role does not exist
   */
  public static void restrictConnect(Connection admin, String database, String ownerRole)
      throws SQLException {
    String quotedDatabase = SqlIdentifier.quote(requireDatabaseName(database));
    String owner = SqlIdentifier.quote(RoleName.requireValid(ownerRole));
    AdminTransaction.run(
        admin,
        connection -> {
          try (Statement statement = connection.createStatement()) {
            statement.execute("REVOKE CONNECT ON DATABASE " + quotedDatabase + " FROM PUBLIC");
            statement.execute("GRANT CONNECT ON DATABASE " + quotedDatabase + " TO " + owner);
          }
          if (publicMayConnect(connection, database)) {
            throw new IllegalStateException(
                "PUBLIC may still connect to database "
                    + database
                    + ": restrict it as the database's owner or a superuser");
          }
        });
  }

  /** Grants CONNECT on {@code database} to {@code roleName}, e.g. a tenant's runtime login role. */
  public static void grantConnect(Connection admin, String database, String roleName)
      throws SQLException {
    execute(
        admin,
        "GRANT CONNECT ON DATABASE "
            + SqlIdentifier.quote(requireDatabaseName(database))
            + " TO "
            + SqlIdentifier.quote(RoleName.requireValid(roleName)));
  }

  /** Revokes CONNECT on {@code database} from {@code roleName}; existing sessions stay open. */
  public static void revokeConnect(Connection admin, String database, String roleName)
      throws SQLException {
    execute(
        admin,
        "REVOKE CONNECT ON DATABASE "
            + SqlIdentifier.quote(requireDatabaseName(database))
            + " FROM "
            + SqlIdentifier.quote(RoleName.requireValid(roleName)));
  }

  private static void execute(Connection admin, String sql) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }

  private static boolean publicMayConnect(Connection connection, String database)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_database d,"
                + " pg_catalog.aclexplode(COALESCE(d.datacl, pg_catalog.acldefault('d', d.datdba))) a"
                + " WHERE d.datname = ? AND a.grantee = 0 AND a.privilege_type = 'CONNECT')")) {
      query.setString(1, database);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }

  private static String requireDatabaseName(String database) {
    if (database == null || database.isBlank() || database.length() > 63) {
      throw new IllegalArgumentException(
          "Invalid PostgreSQL database name \"" + database + "\": 1 to 63 characters expected");
    }
    return database;
  }
}
