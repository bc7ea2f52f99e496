package io.greenlang.runtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.greenlang.runtime.health.PostgresReadinessCheck;
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

/**
 * The runtime started on a database the operator already migrated with RuntimeSchema: its own
 * Flyway accepts that history (same scripts, same checksums) and applies nothing.
 */
@QuarkusTest
@WithTestResource(OperatorMigratedDatabaseTestResource.class)
class OperatorMigratedDatabaseIT {

  @Inject AgroalDataSource dataSource;

  @Test
  void flywayAtStartValidatedTheHistoryAndAppliedNothing() throws SQLException {
    List<String> history = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT coalesce(version, '-') || ' ' || type || ' ' || success"
                    + " FROM greenlang.flyway_schema_history ORDER BY installed_rank")) {
      while (result.next()) {
        history.add(result.getString(1));
      }
    }
    assertThat(history)
        .containsExactly(
            "- SCHEMA true",
            "1 SQL true",
            "2 SQL true",
            "3 SQL true",
            "5 SQL true",
            "6 SQL true",
            "7 SQL true",
            "8 SQL true",
            "9 SQL true",
            "10 SQL true",
            "11 SQL true",
            "12 SQL true");
  }

  @Test
  void ready() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(RuntimeHealthIT.check(PostgresReadinessCheck.NAME) + ".status", is("UP"));
  }
}
