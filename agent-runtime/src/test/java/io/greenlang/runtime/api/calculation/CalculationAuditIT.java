package io.greenlang.runtime.api.calculation;

import static io.greenlang.runtime.api.calculation.TwoTenantsDatabaseResource.ACME;
import static io.greenlang.runtime.api.calculation.TwoTenantsDatabaseResource.GLOBEX;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the calculation and catalog APIs record in the tenant's audit chain: one {@code
 * calculation.performed} per stored run (a batch also a {@code data.import}), {@code
 * calculation.recalculated} per verification, {@code data.import} per published table version,
 * nothing for a refused request; actor the caller as the API knows it (no authentication yet:
 * {@code api:anonymous}); and the chain verifies afterwards.
 */
@QuarkusTest
@WithTestResource(TwoTenantsDatabaseResource.class)
class CalculationAuditIT {

  private static final String ANONYMOUS = "api:anonymous";

  @Test
  void aStoredCalculationAndItsVerificationAreInTheChain() {
    JsonPath run =
        CalculationApiIT.calculate(
            ACME, "ghg.scope1.stationary_combustion.v1", CalculationApiIT.NATURAL_GAS);
    String runId = run.getString("run.runId");

    Map<String, Object> performed = onlyEntry(ACME, "calculation-run:" + runId);
    assertThat(performed)
        .containsEntry("eventType", "calculation.performed")
        .containsEntry("actor", ANONYMOUS)
        .containsEntry("outcome", "success");
    assertThat(details(performed))
        .containsEntry("runId", runId)
        .containsEntry("formula", "ghg.scope1.stationary_combustion.v1")
        .containsEntry("mode", "single")
        .containsEntry("results", 1)
        .containsEntry("rootHash", run.getString("run.rootHash"))
        .containsEntry("resultHash", run.getString("results[0].resultHash"))
        .doesNotContainKey("inputs");

    given()
        .post("/api/v1/tenants/{tenant}/calculations/runs/{run}/results/1/verify", ACME, runId)
        .then()
        .statusCode(200)
        .body("verified", equalTo(true));
    Map<String, Object> recalculated = onlyEntry(ACME, "calculation-result:" + runId + "/1");
    assertThat(recalculated)
        .containsEntry("eventType", "calculation.recalculated")
        .containsEntry("outcome", "success");
    assertThat(details(recalculated)).containsEntry("verified", true);

    given()
        .post("/api/v1/tenants/{tenant}/calculations/runs/{run}/verify", ACME, runId)
        .then()
        .statusCode(200);
    assertThat(entries(ACME, "calculation-run:" + runId))
        .extracting(e -> e.get("eventType"))
        .containsExactly("calculation.performed", "calculation.recalculated");
    assertChainIntact(ACME);
  }

  @Test
  void aBatchIsOneImportAndOneCalculationWhateverItsSize() {
    String csv =
        "fuel,fuelConsumed.value,fuelConsumed.unit\n"
            + "natural_gas,10,t\ngas_diesel_oil,2.5,t\nnatural_gas,nope,t\n";
    String runId =
        given()
            .contentType("text/csv")
            .body(csv)
            .post(
                "/api/v1/tenants/{tenant}/calculations/ghg.scope1.stationary_combustion.v1"
                    + "/batches",
                GLOBEX)
            .then()
            .statusCode(201)
            .extract()
            .path("runId");

    List<Map<String, Object>> entries = entries(GLOBEX, "calculation-run:" + runId);
    assertThat(entries)
        .extracting(e -> e.get("eventType"))
        .containsExactly("data.import", "calculation.performed");
    assertThat((Integer) entries.get(1).get("sequence"))
        .isEqualTo((Integer) entries.get(0).get("sequence") + 1);
    assertThat(details(entries.get(0)))
        .containsEntry("format", "csv")
        .containsEntry("rows", 3)
        .containsEntry("rejectedRows", 1);
    assertThat(details(entries.get(1)))
        .containsEntry("mode", "batch")
        .containsEntry("results", 2)
        .containsEntry("errors", 1)
        .doesNotContainKey("resultHash");
    assertChainIntact(GLOBEX);
  }

  @Test
  void aPublishedTableVersionIsAnImportAndARefusedRequestRecordsNothing() {
    long before = head(ACME);
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"fuel\": \"natural_gas\", \"fuelConsumed\": {\"value\": \"1\", \"unit\": \"l/t\"}}")
        .post("/api/v1/tenants/{tenant}/calculations/ghg.scope1.stationary_combustion.v1", ACME)
        .then()
        .statusCode(400);
    assertThat(head(ACME))
        .as("a refused calculation stores nothing, records nothing")
        .isEqualTo(before);

    given()
        .contentType("text/csv")
        .queryParam("title", "Supplier factors")
        .body(
            "rowId,quantity,subject,value,unit,source,edition,sourceTable,licence\n"
                + "s1,grid_emission_factor,DE,0.31,kg/kWh,Supplier letter,2026,p. 1,customer\n")
        .post("/api/v1/tenants/{tenant}/catalog/tables/{table}/versions", ACME, "audit-supplier")
        .then()
        .statusCode(201);
    Map<String, Object> imported = onlyEntry(ACME, "factor-table:audit-supplier/1");
    assertThat(imported)
        .containsEntry("eventType", "data.import")
        .containsEntry("actor", ANONYMOUS);
    assertThat(details(imported))
        .containsEntry("table", "audit-supplier")
        .containsEntry("version", 1)
        .containsEntry("format", "csv")
        .containsEntry("rows", 1);
    assertThat(head(ACME)).isEqualTo(before + 1);
    assertChainIntact(ACME);
  }

  /** Every entry of the tenant's chain with that target, in chain order. */
  static List<Map<String, Object>> entries(String tenant, String target) {
    List<Map<String, Object>> all =
        given()
            .queryParam("limit", 1000)
            .get("/api/v1/tenants/{tenant}/audit/events", tenant)
            .then()
            .statusCode(200)
            .extract()
            .path("entries");
    return all.stream().filter(e -> target.equals(e.get("target"))).toList();
  }

  static Map<String, Object> onlyEntry(String tenant, String target) {
    List<Map<String, Object>> found = entries(tenant, target);
    assertThat(found).as("entries with target %s", target).hasSize(1);
    return found.get(0);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> details(Map<String, Object> entry) {
    return (Map<String, Object>) entry.get("details");
  }

  static void assertChainIntact(String tenant) {
    given()
        .get("/api/v1/tenants/{tenant}/audit/verify", tenant)
        .then()
        .statusCode(200)
        .body("intact", equalTo(true));
  }

  private static long head(String tenant) {
    Integer last =
        given()
            .get("/api/v1/tenants/{tenant}/audit/verify", tenant)
            .then()
            .statusCode(200)
            .extract()
            .path("head.lastSequence");
    return last == null ? 0 : last;
  }
}
