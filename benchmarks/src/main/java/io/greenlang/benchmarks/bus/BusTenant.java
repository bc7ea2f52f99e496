package io.greenlang.benchmarks.bus;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.greenlang.runtime.schema.LoginRoles;
import io.greenlang.runtime.schema.RuntimeSchema;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A throwaway tenant for the benchmark, set up as the operator sets up a {@code logical} one: a
 * migrated database, the tenant's login role, a connection pool as that role; and a Redis client.
 * {@link #close()} deletes the tenant's keys, the database and the role.
 */
final class BusTenant implements AutoCloseable {

  final String name = "bench-" + hex(5);
  final RedisClient redis = RedisClient.create(TestRedis.server().toRedisUri());
  final TestDatabase database = TestPostgres.createDatabase();
  final AgroalDataSource pool;
  private final String role = "gl_t_" + hex(6);

  BusTenant(int poolSize) throws SQLException {
    String password = hex(16);
    RuntimeSchema schema = new RuntimeSchema();
    schema.migrate(database.jdbcUrl(), database.server().username(), database.server().password());
    try (Connection admin = database.openConnection()) {
      LoginRoles.ensure(admin, role, password.toCharArray());
      schema.grantTenant(admin, role, name);
    }
    pool =
        AgroalDataSource.from(
            new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(
                    config ->
                        config
                            .maxSize(poolSize)
                            .acquisitionTimeout(Duration.ofSeconds(30))
                            .connectionFactoryConfiguration(
                                factory ->
                                    factory
                                        .jdbcUrl(database.jdbcUrl())
                                        .principal(new NamePrincipal(role))
                                        .credential(new SimplePassword(password)))));
  }

  @Override
  public void close() throws SQLException {
    try (var connection = redis.connect()) {
      var commands = connection.sync();
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page =
            commands.scan(cursor, ScanArgs.Builder.matches("t:" + name + ":*").limit(1000));
        if (!page.getKeys().isEmpty()) {
          commands.del(page.getKeys().toArray(String[]::new));
        }
        cursor = page;
      } while (!cursor.isFinished());
    } finally {
      redis.shutdown();
      pool.close();
      database.close();
      try (Connection admin = TestPostgres.server().openConnection()) {
        LoginRoles.drop(admin, role);
      }
    }
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
