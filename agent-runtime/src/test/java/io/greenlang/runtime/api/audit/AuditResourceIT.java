package io.greenlang.runtime.api.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.greenlang.runtime.OperatorMigratedDatabaseTestResource;
import io.greenlang.runtime.audit.AuditLedger;
import io.greenlang.runtime.schema.audit.AuditCanonicalForm;
import io.greenlang.runtime.schema.audit.AuditEntry;
import io.greenlang.runtime.schema.audit.AuditEventType;
import io.greenlang.runtime.schema.audit.AuditOutcome;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit REST API and {@link AuditLedger} as a tenant's pod runs them: connected as the tenant's
 * login role, so row level security confines the runtime to that tenant's chain.
 */
@QuarkusTest
@WithTestResource(
    value = OperatorMigratedDatabaseTestResource.class,
    initArgs = @ResourceArg(name = "connect-as", value = "tenant"))
class AuditResourceIT {

  private static final String TENANT = OperatorMigratedDatabaseTestResource.TENANT;
  private static final String EVENTS = "/api/v1/tenants/{tenant}/audit/events";

  @Inject AuditLedger ledger;

  @Test
  void appendReadAndVerifyOverRest() {
    JsonPath appended =
        given()
            .contentType(ContentType.JSON)
            .body(
                "{\"actor\": \"user:alice@example.com\", \"eventType\": \"data.export\","
                    + " \"target\": \"report:cbam-2026-q1\", \"outcome\": \"success\","
                    + " \"details\": {\"rows\": 1200, \"format\": \"csv\", \"size_mb\": 1.50}}")
            .when()
            .post(EVENTS, TENANT)
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/tenants/" + TENANT + "/audit/events?from="))
            .body("tenant", is(TENANT))
            .body("eventType", is("data.export"))
            .body("details.format", is("csv"))
            .body("recordedAt", endsWith("Z"))
            .extract()
            .jsonPath();
    long sequence = appended.getLong("sequence");

    String page =
        given()
            .queryParam("from", sequence)
            .queryParam("to", sequence)
            .when()
            .get(EVENTS, TENANT)
            .then()
            .statusCode(200)
            .body("entries", hasSize(1))
            .body("next", nullValue())
            .extract()
            .asString();
    assertThat(page).contains("\"details\":{\"format\":\"csv\",\"rows\":1200,\"size_mb\":1.50}");

    // Everything an auditor needs to recompute the hash is in the response.
    JsonPath entry = JsonPath.from(page).setRootPath("entries[0]");
    assertThat(
            AuditCanonicalForm.sha256Hex(
                AuditCanonicalForm.bytes(
                    UUID.fromString(entry.getString("id")),
                    entry.getString("tenant"),
                    entry.getLong("sequence"),
                    Instant.parse(entry.getString("recordedAt")),
                    entry.getString("actor"),
                    entry.getString("eventType"),
                    entry.getString("target"),
                    entry.getString("outcome"),
                    "{\"format\":\"csv\",\"rows\":1200,\"size_mb\":1.50}",
                    entry.getString("previousHash"))))
        .isEqualTo(entry.getString("hash"));

    given()
        .when()
        .get("/api/v1/tenants/{tenant}/audit/verify", TENANT)
        .then()
        .statusCode(200)
        .body("intact", is(true))
        .body("brokenLink", nullValue())
        .body("head.lastHash", matchesPattern("[0-9a-f]{64}"));
    given()
        .queryParam("fromSequence", sequence)
        .queryParam("anchorHash", appended.getString("hash"))
        .when()
        .get("/api/v1/tenants/{tenant}/audit/verify", TENANT)
        .then()
        .statusCode(200)
        .body("intact", is(true))
        .body("fromSequence", is((int) sequence));
  }

  @Test
  void theLedgerBeanRecordsDetailsFromJavaValues() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("formula", "ghg.scope1.stationary");
    details.put("co2e_t", new BigDecimal("12.50"));
    details.put("gwp", "AR6");
    AuditEntry entry =
        ledger.record(
            TENANT,
            "agent:ghg-calculator",
            AuditEventType.CALCULATION_PERFORMED,
            "calculation:42",
            AuditOutcome.SUCCESS,
            details);

    assertThat(entry.details())
        .isEqualTo("{\"co2e_t\":12.50,\"formula\":\"ghg.scope1.stationary\",\"gwp\":\"AR6\"}");
    assertThat(entry.hash()).isEqualTo(entry.computedHash());
    assertThat(ledger.read(TENANT, entry.sequence(), entry.sequence(), 1)).containsExactly(entry);
    assertThat(given().when().get("/q/metrics").then().statusCode(200).extract().asString())
        .containsPattern(
            "greenlang_audit_entries_appended_total\\{[^}]*category=\"reports_and_calculations\"")
        .contains("greenlang_audit_append_seconds_count");
  }

  @Test
  void badRequestsNameTheField() {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"actor\": \"a\", \"eventType\": \"calculation.done\", \"target\": \"t\","
                + " \"outcome\": \"success\"}")
        .when()
        .post(EVENTS, TENANT)
        .then()
        .statusCode(400)
        .body("field", is("eventType"))
        .body("message", startsWith("eventType: unknown audit event type \"calculation.done\""));
    given()
        .contentType(ContentType.JSON)
        .body("{\"eventType\": \"data.read\", \"target\": \"t\", \"outcome\": \"success\"}")
        .when()
        .post(EVENTS, TENANT)
        .then()
        .statusCode(400)
        .body("field", is("actor"));
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"actor\": \"a\", \"eventType\": \"data.read\", \"target\": \"t\","
                + " \"outcome\": \"success\", \"details\": \"not an object\"}")
        .when()
        .post(EVENTS, TENANT)
        .then()
        .statusCode(400)
        .body("field", is("details"));
    given()
        .queryParam("from", "first")
        .when()
        .get(EVENTS, TENANT)
        .then()
        .statusCode(400)
        .body("field", is("from"));
    given()
        .queryParam("limit", 5000)
        .when()
        .get(EVENTS, TENANT)
        .then()
        .statusCode(400)
        .body("field", is("limit"));
    given()
        .queryParam("fromSequence", 3)
        .when()
        .get("/api/v1/tenants/{tenant}/audit/verify", TENANT)
        .then()
        .statusCode(400)
        .body("field", is("anchorHash"));
  }

  @Test
  void anotherTenantsChainIsForbiddenToThisTenantsRuntime() {
    String other = OperatorMigratedDatabaseTestResource.OTHER_TENANT;
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"actor\": \"a\", \"eventType\": \"data.read\", \"target\": \"t\", \"outcome\": \"success\"}")
        .when()
        .post(EVENTS, other)
        .then()
        .statusCode(403)
        .body("field", is("tenant"))
        .body("message", containsString(other));
    given()
        .when()
        .get("/api/v1/tenants/{tenant}/audit/verify", other)
        .then()
        .statusCode(403)
        .body("message", containsString("acts for tenant " + TENANT));
    given().when().get(EVENTS, other).then().statusCode(403);
  }

  @Test
  void pagesFollowEachOther() {
    for (int i = 0; i < 3; i++) {
      ledger.record(
          TENANT, "user:bob", AuditEventType.DATA_READ, "page:" + i, AuditOutcome.SUCCESS, null);
    }
    JsonPath first =
        given()
            .queryParam("limit", 2)
            .when()
            .get(EVENTS, TENANT)
            .then()
            .statusCode(200)
            .body("entries", hasSize(2))
            .extract()
            .jsonPath();
    long next = first.getLong("next");
    assertThat(next).isEqualTo(first.getLong("entries[1].sequence") + 1);
    given()
        .queryParam("from", next)
        .queryParam("limit", 2)
        .when()
        .get(EVENTS, TENANT)
        .then()
        .statusCode(200)
        .body("entries[0].sequence", is((int) next))
        .body("entries[0].previousHash", is(first.getString("entries[1].hash")));
  }
}
