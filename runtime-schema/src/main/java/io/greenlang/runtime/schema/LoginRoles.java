package io.greenlang.runtime.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * Creates and drops tenant login roles: unprivileged roles that can log in, members of the tenants'
 * group role {@code greenlang_tenant} (which {@link RuntimeSchema#grantTenant} gives the tenant
 * privileges), whose password is hashed (SCRAM-SHA-256) by the driver before it is sent, so the
 * server never receives or logs it in clear text.
 */
public final class LoginRoles {

  private static final String PASSWORD_ENCRYPTION = "scram-sha-256";

  private LoginRoles() {}

  /**
   * Creates {@code roleName} as a login role with {@code password}, or, when it exists, makes sure
   * it can log in and sets the password. Atomic, see {@link RuntimeSchema#grantTenant} for
   * transactions. The caller keeps (and should clear) the password array.
   *
   * @param admin a connection as a superuser or a role with CREATEROLE
   * @throws IllegalArgumentException when the role name is invalid or the password empty
   * @throws IllegalStateException when an existing role of that name is a superuser or has
   *     BYPASSRLS, CREATEROLE, CREATEDB or REPLICATION: not a role to hand to a tenant
   * @throws SQLException when a statement fails
   */
  public static void ensure(Connection admin, String roleName, char[] password)
      throws SQLException {
    RoleName.requireValid(roleName);
    if (password == null || password.length == 0) {
      throw new IllegalArgumentException("A password is required for login role " + roleName);
    }
    String role = SqlIdentifier.quote(roleName);
    AdminTransaction.run(
        admin,
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT rolcanlogin, rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb"
                      + " OR rolreplication, rolinherit FROM pg_catalog.pg_roles WHERE rolname = ?")) {
            query.setString(1, roleName);
            try (ResultSet result = query.executeQuery();
                Statement statement = connection.createStatement()) {
              if (!result.next()) {
                statement.execute("CREATE ROLE " + role + " LOGIN");
              } else if (result.getBoolean(2)) {
                throw new IllegalStateException(
                    "Role "
                        + roleName
                        + " exists with SUPERUSER, BYPASSRLS, CREATEROLE, CREATEDB or REPLICATION;"
                        + " refusing to make it a tenant login role");
              } else {
                if (!result.getBoolean(1)) {
                  statement.execute("ALTER ROLE " + role + " LOGIN");
                }
                // The tenant privileges come through the group role: the role must inherit.
                if (!result.getBoolean(3)) {
                  statement.execute("ALTER ROLE " + role + " INHERIT");
                }
              }
            }
          }
          // Membership needs CREATEROLE, which this caller has; a database owner without it can
          // then grant the tenant privileges (grantTenant).
          TenantGroupRole.ensureExists(connection);
          if (!TenantGroupRole.isMember(connection, roleName)) {
            TenantGroupRole.addMember(connection, role);
          }
          connection
              .unwrap(PGConnection.class)
              .alterUserPassword(roleName, password, PASSWORD_ENCRYPTION);
        });
  }

  /**
   * Drops {@code roleName} if it exists. PostgreSQL refuses while the role still owns objects or
   * holds privileges in any database: revoke it ({@link RuntimeSchema#revokeTenant}, {@link
   * DatabaseAccess#revokeConnect}) everywhere first.
   */
  public static void drop(Connection admin, String roleName) throws SQLException {
    String role = SqlIdentifier.quote(RoleName.requireValid(roleName));
    try (Statement statement = admin.createStatement()) {
      statement.execute("DROP ROLE IF EXISTS " + role);
    }
  }
}
