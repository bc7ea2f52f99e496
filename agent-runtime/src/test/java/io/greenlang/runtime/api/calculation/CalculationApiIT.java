package io.greenlang.runtime.api.calculation;

import static io.greenlang.runtime.api.calculation.TwoTenantsDatabaseResource.ACME;
import static io.greenlang.runtime.api.calculation.TwoTenantsDatabaseResource.GLOBEX;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The calculation API against real PostgreSQL: single calculations with provenance, repeatable
 * hashes, results stored per tenant, verify, clear 400s naming the field, 404s.
 */
@QuarkusTest
@WithTestResource(TwoTenantsDatabaseResource.class)
class CalculationApiIT {

  static final String NATURAL_GAS =
      """
      {"fuel": "natural_gas", "fuelConsumed": {"value": "1000", "unit": "t"}, "gwpSet": "AR6"}
      """;

  @Test
  void listsTheFormulas() {
    given()
        .get("/api/v1/tenants/{tenant}/calculations/formulas", ACME)
        .then()
        .statusCode(200)
        .body("formula", hasSize(8))
        .body("find { it.formula == 'cbam.certificate_obligation.v1' }.batch", equalTo(true));
  }

  @Test
  void aCalculationIsStoredWithItsProvenanceAndTheSameInputGivesTheSameHash() throws Exception {
    JsonPath first = calculate(ACME, "ghg.scope1.stationary_combustion.v1", NATURAL_GAS);
    JsonPath second = calculate(ACME, "ghg.scope1.stationary_combustion.v1", NATURAL_GAS);

    assertThat(first.getString("results[0].provenance.outputs.totalCO2eTonnes"))
        .isEqualTo("2695.5408");
    assertThat(first.getString("results[0].provenance.presentation.values.totalCO2eTonnes"))
        .isEqualTo("2695.541");
    assertThat(first.getString("results[0].provenance.factors[1].sourceTable"))
        .isEqualTo("Table 2.2 (energy industries)");
    assertThat(first.getString("results[0].resultHash")).matches("[0-9a-f]{64}");
    assertThat(second.getString("results[0].resultHash"))
        .isEqualTo(first.getString("results[0].resultHash"));
    assertThat(second.getString("run.rootHash")).isEqualTo(first.getString("run.rootHash"));
    assertThat(second.getString("run.runId")).isNotEqualTo(first.getString("run.runId"));

    String runId = first.getString("run.runId");
    given()
        .get("/api/v1/tenants/{tenant}/calculations/runs/{run}/results/1", ACME, runId)
        .then()
        .statusCode(200)
        .body("resultHash", equalTo(first.getString("results[0].resultHash")))
        .body("provenance.formula", equalTo("ghg.scope1.stationary_combustion.v1"))
        .body("provenance.gwpSet", equalTo("ipcc-ar6-gwp100"));
    given()
        .post("/api/v1/tenants/{tenant}/calculations/runs/{run}/results/1/verify", ACME, runId)
        .then()
        .statusCode(200)
        .body("verified", equalTo(true))
        .body("recomputedHash", equalTo(first.getString("results[0].resultHash")));

    try (Connection admin = TwoTenantsDatabaseResource.database.openConnection();
        Statement statement = admin.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT tenant_id FROM greenlang.calculation_results WHERE run_id = '"
                    + runId
                    + "'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo(ACME);
    }
  }

  @Test
  void badInputIsA400NamingTheField() {
    expectError(
        "ghg.scope1.stationary_combustion.v1",
        "{\"fuel\": \"natural_gas\", \"fuelConsumed\": {\"value\": \"1\", \"unit\": \"kWh/t\"}}",
        400,
        "fuelConsumed.unit");
    expectError("ghg.scope1.stationary_combustion.v1", "{\"fuel\": ", 400, "body");
    expectError(
        "ghg.scope1.stationary_combustion.v1",
        "{\"fuel\": \"natural_gas\", \"fuelConsumed\": {\"value\": 1.5, \"unit\": \"t\"},"
            + " \"colour\": \"red\"}",
        400,
        "colour");
    given()
        .contentType(ContentType.JSON)
        .body(NATURAL_GAS)
        .post("/api/v1/tenants/{tenant}/calculations/{formula}", ACME, "ghg.scope3.v1")
        .then()
        .statusCode(404)
        .body("message", startsWith("no formula ghg.scope3.v1; the formulas are "));
    given()
        .contentType(ContentType.JSON)
        .body(NATURAL_GAS)
        .post(
            "/api/v1/tenants/{tenant}/calculations/ghg.scope1.stationary_combustion.v1",
            "Acme_GmbH")
        .then()
        .statusCode(400)
        .body("field", equalTo("tenant"));
    given()
        .contentType(ContentType.JSON)
        .body(NATURAL_GAS)
        .post(
            "/api/v1/tenants/{tenant}/calculations/ghg.scope1.stationary_combustion.v1", "initech")
        .then()
        .statusCode(404)
        .body("error", equalTo("unknown-tenant"));
    given()
        .get("/api/v1/tenants/{tenant}/calculations/runs/not-a-uuid", ACME)
        .then()
        .statusCode(400)
        .body("field", equalTo("runId"));
  }

  @Test
  void aTenantSeesOnlyItsOwnRuns() {
    String runId =
        calculate(ACME, "ghg.scope1.stationary_combustion.v1", NATURAL_GAS).getString("run.runId");
    given()
        .get("/api/v1/tenants/{tenant}/calculations/runs/{run}", GLOBEX, runId)
        .then()
        .statusCode(404)
        .body("message", equalTo("no calculation run " + runId));
    given()
        .get("/api/v1/tenants/{tenant}/calculations/runs/{run}", ACME, runId)
        .then()
        .statusCode(200)
        .body("results", equalTo(1))
        .body("rootHash", matchesPattern("[0-9a-f]{64}"));
  }

  static JsonPath calculate(String tenant, String formula, String body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/tenants/{tenant}/calculations/{formula}", tenant, formula)
        .then()
        .statusCode(201)
        .header(
            "Location",
            matchesPattern(".*/api/v1/tenants/" + tenant + "/calculations/runs/[0-9a-f-]{36}"))
        .extract()
        .jsonPath();
  }

  private static void expectError(String formula, String body, int status, String field) {
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/tenants/{tenant}/calculations/{formula}", ACME, formula)
        .then()
        .statusCode(status)
        .body("error", equalTo("invalid-input"))
        .body("field", equalTo(field));
  }
}
