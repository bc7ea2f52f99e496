package io.greenlang.runtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.greenlang.runtime.health.PostgresReadinessCheck;
import io.quarkus.test.common.ResourceArg;
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
 * The runtime as a {@code logical} tenant's pod runs it: connected as the tenant's login role, with
 * {@code quarkus.flyway.migrate-at-start=false} (the operator migrated). It starts, is ready, and
 * sees only its tenant's rows.
 */
@QuarkusTest
@WithTestResource(
    value = OperatorMigratedDatabaseTestResource.class,
    initArgs = @ResourceArg(name = "connect-as", value = "tenant"))
class TenantLoginRoleIT {

  @Inject AgroalDataSource dataSource;

  @Test
  void readyAsTheTenantRole() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(RuntimeHealthIT.check(PostgresReadinessCheck.NAME) + ".status", is("UP"));
  }

  @Test
  void writesAndSeesOnlyItsTenantsRows() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "INSERT INTO greenlang.memory_entries (agent, content) VALUES ('cbam', '{}')");
      List<String> tenants = new ArrayList<>();
      try (ResultSet result =
          statement.executeQuery("SELECT tenant_id FROM greenlang.memory_entries")) {
        while (result.next()) {
          tenants.add(result.getString(1));
        }
      }
      assertThat(tenants).isNotEmpty().containsOnly(OperatorMigratedDatabaseTestResource.TENANT);
    }
  }
}
