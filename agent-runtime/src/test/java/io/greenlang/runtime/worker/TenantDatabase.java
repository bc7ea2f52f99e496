package io.greenlang.runtime.worker;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.greenlang.runtime.schema.LoginRoles;
import io.greenlang.runtime.schema.RuntimeSchema;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database migrated as the operator migrates a {@code logical} tenant's, with one login role per
 * tenant (random {@code gl_t_<hex>} names, as runtime-schema's TestRoles), and pooled data sources
 * connected as those roles, as the runtime in a tenant's pod is. {@link #close()} drops the
 * database, then the roles.
 */
public final class TenantDatabase implements AutoCloseable {

  private final TestDatabase database;
  private final Map<String, String> roleOfTenant = new LinkedHashMap<>();
  private final Map<String, String> passwords = new LinkedHashMap<>();
  private final List<AgroalDataSource> pools = new ArrayList<>();

  private TenantDatabase(TestDatabase database) {
    this.database = database;
  }

  /** A fresh, migrated database. */
  public static TenantDatabase create() {
    TestDatabase database = TestPostgres.createDatabase();
    new RuntimeSchema()
        .migrate(database.jdbcUrl(), database.server().username(), database.server().password());
    return new TenantDatabase(database);
  }

  /** Creates the tenant's login role and grants it the tenant's privileges; returns the role. */
  public String addTenant(String tenant) throws SQLException {
    String role = "gl_t_" + randomHex(6);
    String password = randomHex(16);
    try (Connection admin = TestPostgres.server().openConnection()) {
      passwords.put(role, password);
      LoginRoles.ensure(admin, role, password.toCharArray());
    }
    try (Connection admin = database.openConnection()) {
      new RuntimeSchema().grantTenant(admin, role, tenant);
    }
    roleOfTenant.put(tenant, role);
    return role;
  }

  /** A connection pool logged in as the tenant's role. */
  public AgroalDataSource pool(String tenant, int size) throws SQLException {
    String role = roleOf(tenant);
    AgroalDataSourceConfigurationSupplier config =
        new AgroalDataSourceConfigurationSupplier()
            .connectionPoolConfiguration(
                pool ->
                    pool.maxSize(size)
                        .acquisitionTimeout(Duration.ofSeconds(30))
                        .connectionFactoryConfiguration(
                            factory ->
                                factory
                                    .jdbcUrl(database.jdbcUrl())
                                    .principal(new NamePrincipal(role))
                                    .credential(new SimplePassword(passwords.get(role)))));
    AgroalDataSource pool = AgroalDataSource.from(config);
    synchronized (pools) {
      pools.add(pool);
    }
    return pool;
  }

  /** A plain connection as the tenant's role. */
  public Connection connect(String tenant) throws SQLException {
    String role = roleOf(tenant);
    Properties properties = new Properties();
    properties.setProperty("user", role);
    properties.setProperty("password", passwords.get(role));
    return DriverManager.getConnection(database.jdbcUrl(), properties);
  }

  /** A connection as the superuser, who is exempt from row-level security. */
  public Connection admin() throws SQLException {
    return database.openConnection();
  }

  private String roleOf(String tenant) {
    String role = roleOfTenant.get(tenant);
    if (role == null) {
      throw new IllegalArgumentException("No role for tenant " + tenant);
    }
    return role;
  }

  @Override
  public void close() throws SQLException {
    synchronized (pools) {
      pools.forEach(AgroalDataSource::close);
      pools.clear();
    }
    database.close();
    try (Connection admin = TestPostgres.server().openConnection()) {
      for (String role : passwords.keySet()) {
        LoginRoles.drop(admin, role);
      }
    }
  }

  public static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
