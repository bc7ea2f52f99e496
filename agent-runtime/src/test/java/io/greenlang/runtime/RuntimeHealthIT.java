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
  void flywayMigratedTheFreshDatabaseAtStart() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
      assertThat(connection.getCatalog()).startsWith("gl_test_");
      assertThat(result.next()).isTrue();
      assertThat(result.getBoolean(1)).as("flyway_schema_history exists").isTrue();
    }
  }

  static String check(String name) {
    return "checks.find { it.name == '" + name + "' }";
  }
}
