package io.greenlang.runtime.schema;

import io.greenlang.runtime.schema.audit.AuditPartitions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * The agent runtime's PostgreSQL schema {@value #SCHEMA}: migrates a database with the same Flyway
 * migrations at every isolation level, and grants or revokes a tenant login role's access to the
 * tenant-owned tables, whose rows row level security limits to that role's tenant
 * (docs/runtime/schema.md).
 *
 * <p>Call it connected as the database's owner or a superuser. Stateless and thread-safe.
 */
public final class RuntimeSchema {

  /** The schema holding every table of the runtime, and Flyway's history table. */
  public static final String SCHEMA = "greenlang";

  /** Where the migrations are on the classpath (in this module's jar). */
  public static final String MIGRATIONS_LOCATION = "classpath:db/greenlang";

  /**
   * Applies the pending migrations, applying none when the database is current, and creates the
   * audit ledger's partitions {@value AuditPartitions#DEFAULT_MONTHS_AHEAD} months ahead.
   *
   * @param jdbcUrl a PostgreSQL JDBC URL without a password in it
   * @param user a role that owns the database (or a superuser)
   * @param password its password, or {@code null} when the server does not ask for one
   * @throws IllegalArgumentException when the URL is not a PostgreSQL JDBC URL or carries a
   *     password
   * @throws org.flywaydb.core.api.FlywayException when connecting or a migration fails
   */
  public MigrationResult migrate(String jdbcUrl, String user, String password) {
    requirePasswordFreeUrl(jdbcUrl);
    Objects.requireNonNull(user, "user");
    Flyway flyway =
        Flyway.configure(RuntimeSchema.class.getClassLoader())
            .dataSource(jdbcUrl, user, password)
            .locations(MIGRATIONS_LOCATION)
            .schemas(SCHEMA)
            .createSchemas(true)
            .failOnMissingLocations(true)
            .validateMigrationNaming(true)
            .cleanDisabled(true)
            .load();
    MigrateResult result = flyway.migrate();
    MigrationInfo current = flyway.info().current();
    String version = current == null ? null : current.getVersion().getVersion();
    ensureAuditPartitions(jdbcUrl, user, password);
    return new MigrationResult(result.migrationsExecuted, version);
  }

  /**
   * Keeps the audit ledger's monthly partitions {@value AuditPartitions#DEFAULT_MONTHS_AHEAD}
   * months ahead, so that every migration (the operator's, on each new operator process) extends
   * the horizon.
   */
  private static void ensureAuditPartitions(String jdbcUrl, String user, String password) {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (password != null) {
      properties.setProperty("password", password);
    }
    try (Connection admin = new Driver().connect(jdbcUrl, properties)) {
      AuditPartitions.ensureAhead(admin, AuditPartitions.DEFAULT_MONTHS_AHEAD);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not create the audit ledger's partitions ahead in " + withoutQuery(jdbcUrl), e);
    }
  }

  /**
   * Lets {@code roleName} act for {@code tenantId}: records it in {@code greenlang.tenant_roles}
   * and grants it USAGE on the schema, SELECT, INSERT, UPDATE and DELETE on every tenant-owned
   * table (each table of the schema with a {@code tenant_id} column) and EXECUTE on {@code
   * greenlang.current_tenant()}; privileges it held in the schema beyond these are revoked.
   * Idempotent: call it again after a migration adds tables. Atomic: in a transaction of its own
   * when {@code admin} is in auto-commit mode, otherwise in the caller's.
   *
   * @param admin a connection to the migrated database as its owner or a superuser
   * @param roleName an existing login role, see {@link RoleName#requireValid}
   * @param tenantId the tenant's id, stored in every row the role writes
   * @throws IllegalArgumentException when the role name is invalid or the tenant id blank
   * @throws IllegalStateException when the database is not migrated, the role does not exist, is a
   *     superuser, has BYPASSRLS, owns the schema or its tables, is related by membership to
   *     another tenant's role, already acts for another tenant, or the tenant already has another
   *     role; or when a tenant-owned table does not force row level security
   * @throws SQLException when a statement fails
   */
  public void grantTenant(Connection admin, String roleName, String tenantId) throws SQLException {
    TenantGrants.grant(admin, roleName, tenantId);
  }

  /**
   * Takes back everything {@link #grantTenant} gave {@code roleName} and deletes its {@code
   * tenant_roles} row; the role itself stays. Idempotent, also for a role that no longer exists.
   * Transactions as in {@link #grantTenant}.
   *
   * @throws IllegalArgumentException when the role name is invalid
   * @throws IllegalStateException when the database is not migrated or the role owns the schema
   * @throws SQLException when a statement fails
   */
  public void revokeTenant(Connection admin, String roleName) throws SQLException {
    TenantGrants.revoke(admin, roleName);
  }

  /** Flyway logs the URL, and a password belongs in the password argument. */
  private static void requirePasswordFreeUrl(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Properties parsed = Driver.parseURL(jdbcUrl, new Properties());
    if (parsed == null) {
      throw new IllegalArgumentException(
          "Not a PostgreSQL JDBC URL (expected jdbc:postgresql://host:port/database): "
              + withoutQuery(jdbcUrl));
    }
    if (PGProperty.PASSWORD.get(parsed) != null) {
      throw new IllegalArgumentException(
          "The JDBC URL "
              + withoutQuery(jdbcUrl)
              + " carries a password: pass it as the password argument instead");
    }
  }

  private static String withoutQuery(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
  }
}
