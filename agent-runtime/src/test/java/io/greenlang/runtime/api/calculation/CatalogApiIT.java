package io.greenlang.runtime.api.calculation;

import static io.greenlang.runtime.api.calculation.TwoTenantsDatabaseResource.ACME;
import static io.greenlang.runtime.api.calculation.TwoTenantsDatabaseResource.GLOBEX;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The catalog API: the built-in tables, tenant tables published in versions (JSON and CSV), never
 * edited in place, seen only by their tenant, and lookups that name the row used.
 */
@QuarkusTest
@WithTestResource(TwoTenantsDatabaseResource.class)
class CatalogApiIT {

  private static final String GRID_V1 =
      """
      {"title": "Grid factors of our utility", "rows": [
        {"rowId": "de", "quantity": "grid_emission_factor", "subject": "DE", "value": 0.380,
         "unit": "kg/kWh", "source": "Utility disclosure 2026", "edition": "2026",
         "sourceTable": "p. 4", "licence": "customer data"}]}
      """;

  @Test
  void listsTheBuiltInTablesWithTheirCitations() {
    given()
        .get("/api/v1/tenants/{tenant}/catalog/tables", ACME)
        .then()
        .statusCode(200)
        .body("id", hasItems("ipcc-2006-v2-ch2-t2.2", "ipcc-ar6-gwp100", "eu-cbam-factor"))
        .body("find { it.id == 'ipcc-2006-v2-ch1-t1.2' }.origin", equalTo("built-in"));
    given()
        .get("/api/v1/tenants/{tenant}/catalog/tables/ipcc-ar5-gwp100", ACME)
        .then()
        .statusCode(200)
        .body("factorRows.find { it.row == 'N2O' }.value", equalTo("265"))
        .body("factorRows.find { it.row == 'N2O' }.sourceTable", equalTo("Table 8.7"));
    given()
        .queryParam("table", "eu-cbam-factor")
        .queryParam("quantity", "cbam_factor")
        .queryParam("subject", "cbam_goods")
        .queryParam("asOf", "2031-07-01")
        .get("/api/v1/tenants/{tenant}/catalog/lookup", ACME)
        .then()
        .statusCode(200)
        .body("reference", equalTo("eu-cbam-factor@1#y2031"))
        .body("row.value", equalTo("39"));
  }

  @Test
  void aTenantTableIsPublishedInVersionsAndNeverEditedInPlace() throws SQLException {
    publishJson(ACME, "utility-grid", GRID_V1).statusCode(201).body("version", equalTo(1));
    publishJson(ACME, "utility-grid", GRID_V1.replace("0.380", "0.372"))
        .statusCode(201)
        .body("version", equalTo(2))
        .body("origin", equalTo("tenant"));

    given()
        .get("/api/v1/tenants/{tenant}/catalog/tables/utility-grid", ACME)
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("factorRows[0].value", equalTo("0.372"));
    given()
        .queryParam("version", 1)
        .get("/api/v1/tenants/{tenant}/catalog/tables/utility-grid", ACME)
        .then()
        .body("factorRows[0].value", equalTo("0.38"));
    given()
        .queryParam("table", "utility-grid")
        .queryParam("quantity", "grid_emission_factor")
        .queryParam("subject", "DE")
        .get("/api/v1/tenants/{tenant}/catalog/lookup", ACME)
        .then()
        .statusCode(200)
        .body("reference", equalTo("utility-grid@2#de"));

    // Another tenant does not see it, and may publish its own table under the same id.
    given()
        .get("/api/v1/tenants/{tenant}/catalog/tables/utility-grid", GLOBEX)
        .then()
        .statusCode(404);
    publishJson(GLOBEX, "utility-grid", GRID_V1).statusCode(201).body("version", equalTo(1));

    // Not even the database owner can edit a published row.
    try (Connection admin = TwoTenantsDatabaseResource.database.openConnection();
        Statement statement = admin.createStatement()) {
      assertThatThrownBy(() -> statement.execute("UPDATE greenlang.factor_rows SET value = 0"))
          .hasMessageContaining("factor_rows is append-only");
    }
  }

  @Test
  void aTenantTableFromCsvIsUsedByACalculation() {
    given()
        .contentType("text/csv")
        .queryParam("title", "Residual mix and grid")
        .body(
            """
            rowId,quantity,subject,value,unit,source,edition,sourceTable,licence,validFrom,validTo
            de-grid,grid_emission_factor,DE,0.4,kg/kWh,Test data,2026,n/a,test,2026-01-01,2026-12-31
            de-rm,residual_mix_factor,DE,600,kg/MWh,Test data,2026,n/a,test,,
            """)
        .post("/api/v1/tenants/{tenant}/catalog/tables/{table}/versions", ACME, "scope2-test")
        .then()
        .statusCode(201)
        .body("rows", equalTo(2));

    String result =
        CalculationApiIT.calculate(
                ACME,
                "ghg.scope2.location_based.v1",
                """
                {"electricity": {"value": "1000", "unit": "MWh"}, "asOf": "2026-05-01",
                 "gridFactor": {"table": "scope2-test", "subject": "DE"}}
                """)
            .getString("results[0].provenance.outputs.co2eTonnes");
    assertThat(result).isEqualTo("400");
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"electricity": {"value": "1000", "unit": "MWh"}, "asOf": "2026-05-01",
             "gridFactor": {"table": "scope2-test", "subject": "DE"}}
            """)
        .post("/api/v1/tenants/{tenant}/calculations/ghg.scope2.location_based.v1", GLOBEX)
        .then()
        .statusCode(400)
        .body("field", equalTo("gridFactor.table"))
        .body("message", equalTo("no factor table scope2-test"));
  }

  @Test
  void invalidTablesAreRefusedWithEveryProblemNamed() {
    publishJson(ACME, "ipcc-ar6-gwp100", GRID_V1).statusCode(400).body("field", equalTo("tableId"));
    publishJson(ACME, "Bad_Id", GRID_V1).statusCode(400).body("field", equalTo("tableId"));
    publishJson(
            ACME, "no-title", GRID_V1.replace("\"title\": \"Grid factors of our utility\",", ""))
        .statusCode(400)
        .body("field", equalTo("title"));
    publishJson(
            ACME,
            "broken",
            GRID_V1
                .replace("0.380", "\"abc\"")
                .replace("\"licence\": \"customer data\"", "\"licence\": \"\""))
        .statusCode(400)
        .body("error", equalTo("invalid-factor-table"))
        .body("problems.field", hasItem("rows[0].value"))
        .body("problems.field", hasItem("rows[0].licence"));
  }

  private static io.restassured.response.ValidatableResponse publishJson(
      String tenant, String table, String body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/tenants/{tenant}/catalog/tables/{table}/versions", tenant, table)
        .then();
  }
}
