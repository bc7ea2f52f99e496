package io.greenlang.runtime.api.calculation;

import io.greenlang.runtime.schema.LoginRoles;
import io.greenlang.runtime.schema.RuntimeSchema;
import io.greenlang.testsupport.RedisServerAddress;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database migrated as the operator migrates it, with login roles for two tenants, {@value #ACME}
 * and {@value #GLOBEX}; the runtime connects as the superuser and acts for the tenant of each
 * request by switching to its role. Database and roles are dropped afterwards.
 */
public class TwoTenantsDatabaseResource implements QuarkusTestResourceLifecycleManager {

  public static final String ACME = "acme";
  public static final String GLOBEX = "globex";

  /** The database, for tests that look at or tamper with stored rows as the superuser. */
  static volatile TestDatabase database;

  private List<String> roles;

  @Override
  public Map<String, String> start() {
    database = TestPostgres.createDatabase();
    roles = List.of("gl_t_" + randomHex(6), "gl_t_" + randomHex(6));
    RuntimeSchema schema = new RuntimeSchema();
    schema.migrate(database.jdbcUrl(), database.server().username(), database.server().password());
    try (Connection admin = database.openConnection()) {
      LoginRoles.ensure(admin, roles.get(0), randomHex(16).toCharArray());
      LoginRoles.ensure(admin, roles.get(1), randomHex(16).toCharArray());
      schema.grantTenant(admin, roles.get(0), ACME);
      schema.grantTenant(admin, roles.get(1), GLOBEX);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare " + database, e);
    }
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
    config.put("quarkus.datasource.username", database.server().username());
    if (database.server().password() != null) {
      config.put("quarkus.datasource.password", database.server().password());
    }
    RedisServerAddress redis = TestRedis.server();
    config.put("greenlang.redis.url", redis.uri());
    if (redis.username() != null) {
      config.put("greenlang.redis.username", redis.username());
    }
    if (redis.password() != null) {
      config.put("greenlang.redis.password", redis.password());
    }
    return config;
  }

  @Override
  public void stop() {
    if (database == null) {
      return;
    }
    database.close();
    database = null;
    try (Connection admin = TestPostgres.server().openConnection()) {
      for (String role : roles) {
        LoginRoles.drop(admin, role);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop test roles " + roles, e);
    }
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
