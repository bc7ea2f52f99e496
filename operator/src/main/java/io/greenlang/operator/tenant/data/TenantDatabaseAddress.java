package io.greenlang.operator.tenant.data;

import io.greenlang.operator.region.PostgresEndpoint;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a tenant's runtime schema (and so its audit chain) lives, as the operator reaches it: the
 * administrator of its PostgreSQL server, the database (the Region's shared one for logical
 * tenants, its own otherwise) and the tenant's login role, which row level security maps to the
 * tenant.
 *
 * @param admin the server's administrator endpoint
 * @param database the database holding the tenant's rows
 * @param role the tenant's login role
 * @param tenant the tenant's name
 */
public record TenantDatabaseAddress(
    PostgresEndpoint admin, String database, String role, String tenant) {

  /** A new administrator connection to the tenant's database; the caller closes it. */
  public Connection openAdmin() throws SQLException {
    return PostgresTenantDatabase.connect(admin, database);
  }

  /** host:port/database, for messages and as the archive's record of where a chain was. */
  public String describe() {
    return admin.host() + ":" + admin.port() + "/" + database;
  }
}
