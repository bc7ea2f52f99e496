package io.greenlang.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a Quarkus test application a fresh PostgreSQL database and the test Redis, by overriding
 * the default datasource ({@code quarkus.datasource.*}) and the runtime's {@code greenlang.redis.*}
 * settings. The database is dropped when the application stops.
 */
public class PostgresAndRedisTestResource implements QuarkusTestResourceLifecycleManager {

  private TestDatabase database;

  @Override
  public Map<String, String> start() {
    database = TestPostgres.createDatabase();
    RedisServerAddress redis = TestRedis.server();

    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
    config.put("quarkus.datasource.username", database.server().username());
    if (database.server().password() != null) {
      config.put("quarkus.datasource.password", database.server().password());
    }
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
    if (database != null) {
      database.close();
      database = null;
    }
  }
}
