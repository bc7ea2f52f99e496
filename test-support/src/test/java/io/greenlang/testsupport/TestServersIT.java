package io.greenlang.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestServersIT {

  @Test
  void postgresAnswers() throws SQLException {
    try (Connection connection = TestPostgres.server().openConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT current_setting('server_version_num')")) {
      assertThat(result.next()).isTrue();
      // DROP DATABASE ... WITH (FORCE) needs PostgreSQL 13 or later.
      assertThat(Integer.parseInt(result.getString(1))).isGreaterThanOrEqualTo(130000);
    }
  }

  @Test
  void createsAUsableDatabaseAndDropsItOnClose() throws SQLException {
    TestDatabase database = TestPostgres.createDatabase();
    assertThat(database.name()).startsWith(TestPostgres.DATABASE_PREFIX);
    assertThat(databaseExists(database.name())).isTrue();

    // An open session must not stop the drop: applications under test keep pooled connections.
    try (Connection open = database.openConnection();
        Statement statement = open.createStatement()) {
      statement.execute("CREATE TABLE probe (id int PRIMARY KEY)");
      statement.execute("INSERT INTO probe VALUES (1)");
      database.close();
    }

    assertThat(databaseExists(database.name())).isFalse();
  }

  @Test
  void eachDatabaseHasItsOwnName() {
    try (TestDatabase first = TestPostgres.createDatabase();
        TestDatabase second = TestPostgres.createDatabase()) {
      assertThat(first.name()).isNotEqualTo(second.name());
    }
  }

  @Test
  void redisAnswers() {
    RedisClient client = RedisClient.create(TestRedis.server().toRedisUri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      assertThat(connection.sync().ping()).isEqualTo("PONG");
    } finally {
      client.shutdown();
    }
  }

  @Test
  void quarkusResourceGivesAFreshDatabaseAndDropsItOnStop() throws SQLException {
    PostgresAndRedisTestResource resource = new PostgresAndRedisTestResource();
    Map<String, String> config = resource.start();
    String jdbcUrl = config.get("quarkus.datasource.jdbc.url");
    String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    try {
      assertThat(database).startsWith(TestPostgres.DATABASE_PREFIX);
      assertThat(databaseExists(database)).isTrue();
      assertThat(config)
          .containsEntry("quarkus.datasource.username", TestPostgres.server().username())
          .containsEntry("greenlang.redis.url", TestRedis.server().uri());
    } finally {
      resource.stop();
    }
    assertThat(databaseExists(database)).isFalse();
  }

  private static boolean databaseExists(String name) throws SQLException {
    try (Connection connection = TestPostgres.server().openConnection();
        var statement =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      statement.setString(1, name);
      try (ResultSet result = statement.executeQuery()) {
        return result.next();
      }
    }
  }
}
