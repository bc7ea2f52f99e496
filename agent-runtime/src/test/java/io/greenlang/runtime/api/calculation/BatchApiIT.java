package io.greenlang.runtime.api.calculation;

import static io.greenlang.runtime.api.calculation.TwoTenantsDatabaseResource.ACME;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CSV batches through the API: per-row errors that do not stop the batch, totals, paging through
 * results, the CBAM obligation over import lines, and run verification that finds a result changed
 * in the database behind the runtime's back.
 */
@QuarkusTest
@WithTestResource(TwoTenantsDatabaseResource.class)
class BatchApiIT {

  private static final String CBAM_TABLE =
      """
      rowId,quantity,subject,value,unit,source,edition,sourceTable,licence,validFrom,validTo
      cn,cbam_default_see_direct,72081000/CN,2.5,t/t,Test data,2026,n/a,test,,
      cn-i,cbam_default_see_indirect,72081000/CN,0.4,t/t,Test data,2026,n/a,test,,
      hrc,cbam_benchmark,hot-rolled-coil,1.3,t/t,Test data,2026,n/a,test,,
      price,cbam_certificate_price,2026,80,EUR/t,Test data,2026,n/a,test,,
      """;

  /** Two actual lines, one default line, one bad country: 3 results, 1 error. */
  private static final String LINES =
      """
      lineId,cnCode,countryOfOrigin,netMass.value,netMass.unit,method,seeDirect.value,seeDirect.unit,seeIndirect.value,seeIndirect.unit
      L1,72081000,CN,1000,t,actual,2.0,t/t,0.3,t/t
      L2,72081000,CN,500,t,default,,,,
      L3,72081000,China,1,t,actual,1,t/t,0,t/t
      L4,72081000,IN,250000,kg,actual,1.6,t/t,0.1,t/t
      """;

  @BeforeEach
  void cbamTable() {
    given()
        .contentType("text/csv")
        .queryParam("title", "CBAM test data")
        .body(CBAM_TABLE)
        .post("/api/v1/tenants/{tenant}/catalog/tables/cbam-test/versions", ACME)
        .then()
        .statusCode(201);
  }

  @Test
  void rowErrorsAreReportedAndTheBatchGoesOn() {
    JsonPath batch =
        given()
            .contentType("text/csv")
            .queryParam("defaultValues", "cbam-test")
            .body(LINES)
            .post("/api/v1/tenants/{tenant}/calculations/cbam.embedded_emissions.v1/batches", ACME)
            .then()
            .statusCode(201)
            .body("rows", equalTo(4))
            .body("results", equalTo(3))
            .body("errors", equalTo(1))
            .body("rowErrors[0].row", equalTo("row 3"))
            .body("rowErrors[0].field", equalTo("countryOfOrigin"))
            .extract()
            .jsonPath();
    // 2,000 + 1,250 + 400 direct; 300 + 200 + 25 indirect.
    assertThat(batch.getString("totals.exact.embeddedDirectTonnes")).isEqualTo("3650");
    assertThat(batch.getString("totals.exact.embeddedIndirectTonnes")).isEqualTo("525");

    String runId = batch.getString("runId");
    given()
        .queryParam("offset", 1)
        .queryParam("limit", 2)
        .get("/api/v1/tenants/{tenant}/calculations/runs/{run}/results", ACME, runId)
        .then()
        .statusCode(200)
        .body("results", hasSize(2))
        .body("results[0].sequence", equalTo(2))
        .body("results[0].sourceRow", equalTo(2))
        .body("results[1].sourceRow", equalTo(4))
        .body("results[1].provenance.inputs.netMass.unit", equalTo("kg"));
    given()
        .post("/api/v1/tenants/{tenant}/calculations/runs/{run}/verify", ACME, runId)
        .then()
        .statusCode(200)
        .body("verified", equalTo(true))
        .body("resultsChecked", equalTo(3))
        .body("recomputedRootHash", equalTo(batch.getString("rootHash")));
  }

  /**
   * E = 2,000 + 1,250 + 400 (direct only) = 3,650 t... counted total instead: lines count total by
   * default, so E = 3,650 + 525 = 4,175 t. Only L1 names a benchmark: basis 1,300 t, A (2026) =
   * 1,267.5 t. D = 20,000 EUR / 80 = 250 t. Certificates = 4,175 - 1,267.5 - 250 = 2,657.5; cost =
   * 212,600 EUR.
   */
  @Test
  void anObligationOverImportLines() {
    String lines =
        LINES
            .replace("L3,72081000,China,1,t,actual,1,t/t,0,t/t\n", "")
            .replace("seeIndirect.unit\n", "seeIndirect.unit,benchmark.table,benchmark.subject\n")
            .replace("0.3,t/t\n", "0.3,t/t,cbam-test,hot-rolled-coil\n")
            .replace("default,,,,\n", "default,,,,,,\n")
            .replace("0.1,t/t\n", "0.1,t/t,,\n");
    JsonPath run =
        given()
            .contentType("text/csv")
            .queryParam("lines.defaultValues", "cbam-test")
            .queryParam("year", "2026")
            .queryParam("certificatePrice.table", "cbam-test")
            .queryParam("certificatePrice.subject", "2026")
            .queryParam("carbonPricePaid.value", "20000")
            .queryParam("carbonPricePaid.unit", "EUR")
            .body(lines)
            .post(
                "/api/v1/tenants/{tenant}/calculations/cbam.certificate_obligation.v1/batches",
                ACME)
            .then()
            .statusCode(201)
            .body("formula", equalTo("cbam.certificate_obligation.v1"))
            .body("results", equalTo(4))
            .extract()
            .jsonPath();
    assertThat(run.getString("totals.obligation.embeddedEmissionsTonnes")).isEqualTo("4175");
    assertThat(run.getString("totals.obligation.freeAllocationAdjustmentTonnes"))
        .isEqualTo("1267.5");
    assertThat(run.getString("totals.obligation.certificates")).isEqualTo("2657.5");
    assertThat(run.getString("totals.obligation.costEur")).isEqualTo("212600");
    given()
        .post(
            "/api/v1/tenants/{tenant}/calculations/runs/{run}/verify", ACME, run.getString("runId"))
        .then()
        .statusCode(200)
        .body("verified", equalTo(true))
        .body("resultsChecked", equalTo(4));
  }

  @Test
  void anObligationFromJsonNamesTheBadLine() {
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"year": 2026, "certificatePrice": {"table": "cbam-test", "subject": "2026"},
             "lines": [
               {"cnCode": "72081000", "countryOfOrigin": "CN", "netMass": {"value": "10", "unit": "t"},
                "method": "default", "defaultValues": "cbam-test"},
               {"cnCode": "72081000", "countryOfOrigin": "CN", "netMass": {"value": "10", "unit": "t"},
                "method": "actual", "seeDirect": {"value": "2", "unit": "t/t"}}]}
            """)
        .post("/api/v1/tenants/{tenant}/calculations/cbam.certificate_obligation.v1", ACME)
        .then()
        .statusCode(400)
        .body("field", equalTo("lines[1].seeIndirect"))
        .body("message", equalTo("required"));
  }

  @Test
  void verificationFindsAResultChangedInTheDatabase() throws Exception {
    String runId =
        given()
            .contentType("text/csv")
            .queryParam("defaultValues", "cbam-test")
            .body(LINES)
            .post("/api/v1/tenants/{tenant}/calculations/cbam.embedded_emissions.v1/batches", ACME)
            .then()
            .statusCode(201)
            .extract()
            .path("runId");
    // A superuser can switch the append-only trigger off; verification does not depend on it.
    try (Connection admin = TwoTenantsDatabaseResource.database.openConnection();
        Statement statement = admin.createStatement()) {
      statement.execute(
          "ALTER TABLE greenlang.calculation_results DISABLE TRIGGER calculation_results_append_only");
      statement.execute(
          "UPDATE greenlang.calculation_results SET provenance = replace(provenance, '\"1250\"',"
              + " '\"1205\"') WHERE run_id = '"
              + runId
              + "' AND sequence = 2");
      statement.execute(
          "ALTER TABLE greenlang.calculation_results ENABLE TRIGGER calculation_results_append_only");
    }
    given()
        .post("/api/v1/tenants/{tenant}/calculations/runs/{run}/verify", ACME, runId)
        .then()
        .statusCode(200)
        .body("verified", equalTo(false))
        .body("firstFailure.sequence", equalTo(2))
        .body("firstFailure.check", equalTo("hash"));
    given()
        .post("/api/v1/tenants/{tenant}/calculations/runs/{run}/results/3/verify", ACME, runId)
        .then()
        .body("verified", equalTo(true));
  }
}
