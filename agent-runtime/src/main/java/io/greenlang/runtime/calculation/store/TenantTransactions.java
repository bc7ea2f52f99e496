package io.greenlang.runtime.calculation.store;

import io.agroal.api.AgroalDataSource;
import io.greenlang.runtime.calculation.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.postgresql.core.Utils;

/**
 * Runs work in one database transaction acting for the tenant named in the request path, so that
 * row-level security confines it to that tenant's rows (docs/runtime/calculations.md, "Tenants"). A
 * runtime connected as a tenant's login role (the normal case in a tenant's pod) serves only that
 * tenant; a runtime connected as an admin role (the sandbox, a shared service) switches to the
 * tenant's login role with {@code SET LOCAL ROLE} for the transaction, which needs membership in
 * that role.
 */
@ApplicationScoped
public class TenantTransactions {

  /** A tenant name as the Tenant resource's name: a DNS label. */
  static final Pattern TENANT = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** Work done in the tenant's transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final AgroalDataSource dataSource;

  public TenantTransactions(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Runs {@code work} in a transaction for {@code tenant} and commits; rolls back when it throws.
   *
   * @throws InvalidInputException when {@code tenant} is not a tenant name
   * @throws UnknownTenantException when this runtime cannot act for {@code tenant}
   */
  public <T> T inTransaction(String tenant, Work<T> work) {
    requireTenantName(tenant);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        actFor(connection, tenant);
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DatabaseException("database error for tenant " + tenant, e);
    }
  }

  static void requireTenantName(String tenant) {
    if (tenant == null || !TENANT.matcher(tenant).matches()) {
      throw new InvalidInputException(
          "tenant", "\"" + tenant + "\" is not a tenant name (a DNS label, e.g. acme-gmbh)");
    }
  }

  private static void actFor(Connection connection, String tenant) throws SQLException {
    String current;
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT greenlang.current_tenant()")) {
      result.next();
      current = result.getString(1);
    }
    if (tenant.equals(current)) {
      return;
    }
    if (current != null) {
      throw new UnknownTenantException("tenant " + tenant + " is not served by this runtime");
    }
    String role;
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT role_name FROM greenlang.tenant_roles WHERE tenant_id = ?")) {
      query.setString(1, tenant);
      try (ResultSet result = query.executeQuery()) {
        if (!result.next()) {
          throw new UnknownTenantException("no tenant " + tenant + " in this database");
        }
        role = result.getString(1);
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCAL ROLE " + Utils.escapeIdentifier(null, role));
    }
  }
}
