package io.greenlang.runtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.greenlang.runtime.health.PostgresReadinessCheck;
import io.greenlang.runtime.health.RedisReadinessCheck;
import io.greenlang.runtime.health.ThreadDeadlockLivenessCheck;
import io.greenlang.testsupport.PostgresAndRedisTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime started against a real PostgreSQL database and a real Redis. */
@QuarkusTest
@WithTestResource(PostgresAndRedisTestResource.class)
class RuntimeHealthIT {

  @Inject AgroalDataSource dataSource;

  @Test
  void readyWhenPostgresAndRedisAnswer() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", is("UP"))
        .body(check(PostgresReadinessCheck.NAME) + ".status", is("UP"))
        .body(check(PostgresReadinessCheck.NAME) + ".data.database", containsString("gl_test_"))
        .body(check(RedisReadinessCheck.NAME) + ".status", is("UP"));
  }

  @Test
  void liveWithoutDeadlockedThreads() {
    given()
        .when()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("status", is("UP"))
        .body(check(ThreadDeadlockLivenessCheck.NAME) + ".status", is("UP"));
  }

  @Test
  void metricsArePrometheusTextWithJvmMetricsAndTheApplicationTag() {
    String metrics =
        given()
            // What a Prometheus server asks for when scraping the text format.
            .accept("text/plain; version=0.0.4")
            .when()
            .get("/q/metrics")
            .then()
            .statusCode(200)
            .contentType(containsString("text/plain"))
            .extract()
            .asString();

    assertThat(metrics)
        .contains("# TYPE jvm_memory_used_bytes gauge")
        .containsPattern("jvm_memory_used_bytes\\{[^}]*application=\"greenlang-agent-runtime\"");
  }

  @Test
  void redisCommandLatenciesAreMetrics() {
    // The readiness check sends PING, which Lettuce times into Micrometer.
    given().when().get("/q/health/ready").then().statusCode(200);

    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

    assertThat(metrics)
        .containsPattern("lettuce_command_completion_seconds_count\\{[^}]*command=\"PING\"");
  }

  @Test
  void flywayMigratedTheFreshDatabaseToTheRuntimeSchemaAtStart() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(connection.getCatalog()).startsWith("gl_test_");
      List<String> versions = new ArrayList<>();
      try (ResultSet result =
          statement.executeQuery(
              "SELECT version FROM greenlang.flyway_schema_history"
                  + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
        while (result.next()) {
          versions.add(result.getString(1));
        }
      }
      assertThat(versions)
          .as("migrations of module runtime-schema")
          .containsExactly("1", "2", "3", "5", "6", "7", "8", "9", "10", "11", "12");
      try (ResultSet result =
          statement.executeQuery(
              "SELECT relforcerowsecurity FROM pg_class"
                  + " WHERE oid = 'greenlang.memory_entries'::regclass")) {
        assertThat(result.next()).isTrue();
        assertThat(result.getBoolean(1)).as("memory_entries forces row level security").isTrue();
      }
    }
  }

  static String check(String name) {
    return "checks.find { it.name == '" + name + "' }";
  }
}
