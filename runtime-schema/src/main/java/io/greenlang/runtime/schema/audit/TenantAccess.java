package io.greenlang.runtime.schema.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Checks, before reading a chain, that the connection's role sees that tenant's rows: row level
 * security would otherwise answer "no entries" for a tenant it hides, which a verification would
 * report as an intact, empty chain.
 */
final class TenantAccess {

  private TenantAccess() {}

  static void require(Connection connection, String tenant) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT greenlang.current_tenant(), r.rolsuper OR r.rolbypassrls, current_user"
                    + " FROM pg_catalog.pg_roles r WHERE r.rolname = current_user")) {
      if (!result.next()) {
        throw new AuditTenantAccessException("The current role is not in pg_roles");
      }
      String actingFor = result.getString(1);
      boolean bypassesRowSecurity = result.getBoolean(2);
      if (actingFor != null && !actingFor.equals(tenant)) {
        throw new AuditTenantAccessException(
            "The database role of this connection acts for tenant "
                + actingFor
                + ", not for tenant "
                + tenant);
      }
      if (actingFor == null && !bypassesRowSecurity) {
        throw new AuditTenantAccessException(
            "The database role "
                + result.getString(3)
                + " acts for no tenant, so row level security hides every tenant's audit entries"
                + " from it: connect as tenant "
                + tenant
                + "'s login role, or SET ROLE to it");
      }
    }
  }
}
