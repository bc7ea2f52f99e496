package io.greenlang.runtime;

import io.greenlang.runtime.schema.LoginRoles;
import io.greenlang.runtime.schema.RuntimeSchema;
import io.greenlang.testsupport.RedisServerAddress;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database prepared as the operator prepares a {@code logical} tenant's: migrated with {@link
 * RuntimeSchema}, a tenant login role granted, and a row of another tenant. With init argument
 * {@code connect-as=tenant} the runtime connects as that role without migrating, as a tenant's pod
 * does; otherwise as the superuser, migrating at start.
 */
public class OperatorMigratedDatabaseTestResource implements QuarkusTestResourceLifecycleManager {

  /** The tenant whose login role the runtime uses with {@code connect-as=tenant}. */
  public static final String TENANT = "tenant-under-test";

  /** Another tenant with one row in the database. */
  public static final String OTHER_TENANT = "other-tenant";

  private boolean connectAsTenant;
  private TestDatabase database;
  private String role;

  @Override
  public void init(Map<String, String> initArgs) {
    connectAsTenant = "tenant".equals(initArgs.get("connect-as"));
  }

  @Override
  public Map<String, String> start() {
    database = TestPostgres.createDatabase();
    role = "gl_t_" + randomHex(6);
    String password = randomHex(16);
    RuntimeSchema schema = new RuntimeSchema();
    schema.migrate(database.jdbcUrl(), database.server().username(), database.server().password());
    try (Connection admin = database.openConnection()) {
      LoginRoles.ensure(admin, role, password.toCharArray());
      schema.grantTenant(admin, role, TENANT);
      // The superuser is exempt from row level security, so it can write another tenant's row.
      try (PreparedStatement insert =
          admin.prepareStatement(
              "INSERT INTO greenlang.memory_entries (tenant_id, agent, content)"
                  + " VALUES (?, 'cbam', '{\"other\": true}')")) {
        insert.setString(1, OTHER_TENANT);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare " + database, e);
    }

    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
    if (connectAsTenant) {
      config.put("quarkus.datasource.username", role);
      config.put("quarkus.datasource.password", password);
      config.put("quarkus.flyway.migrate-at-start", "false");
    } else {
      config.put("quarkus.datasource.username", database.server().username());
      if (database.server().password() != null) {
        config.put("quarkus.datasource.password", database.server().password());
      }
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
    // The role's privileges went with the database; only now can it be dropped.
    try (Connection admin = TestPostgres.server().openConnection()) {
      LoginRoles.drop(admin, role);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop test role " + role, e);
    }
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
