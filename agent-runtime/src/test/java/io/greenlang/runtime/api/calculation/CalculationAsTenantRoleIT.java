package io.greenlang.runtime.api.calculation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.greenlang.runtime.OperatorMigratedDatabaseTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The runtime as a tenant's pod runs it, connected as the tenant's login role: it calculates and
 * stores for its tenant (and records the run in the tenant's audit chain), takes a batch larger
 * than the input buffer (streamed), and refuses any other tenant named in the path.
 */
@QuarkusTest
@WithTestResource(
    value = OperatorMigratedDatabaseTestResource.class,
    initArgs = @ResourceArg(name = "connect-as", value = "tenant"))
class CalculationAsTenantRoleIT {

  private static final String TENANT = OperatorMigratedDatabaseTestResource.TENANT;

  /** The tenant's login role stores the run and appends its audit event in one transaction. */
  @Test
  void calculatesForItsTenantAndRecordsItInItsChain() {
    String runId =
        CalculationApiIT.calculate(
                TENANT, "ghg.scope1.stationary_combustion.v1", CalculationApiIT.NATURAL_GAS)
            .getString("run.runId");
    assertThat(CalculationAuditIT.onlyEntry(TENANT, "calculation-run:" + runId))
        .containsEntry("eventType", "calculation.performed");
    CalculationAuditIT.assertChainIntact(TENANT);
  }

  @Test
  void refusesAnotherTenant() {
    given()
        .contentType(ContentType.JSON)
        .body(CalculationApiIT.NATURAL_GAS)
        .post(
            "/api/v1/tenants/{tenant}/calculations/ghg.scope1.stationary_combustion.v1",
            OperatorMigratedDatabaseTestResource.OTHER_TENANT)
        .then()
        .statusCode(404)
        .body("message", equalTo("tenant other-tenant is not served by this runtime"));
  }

  /** 5,000 rows, about 150 kB: more than Quarkus REST buffers before handing over the stream. */
  @Test
  void takesALargeBatch() {
    String csv =
        "fuel,fuelConsumed.value,fuelConsumed.unit\n"
            + IntStream.rangeClosed(1, 5000)
                .mapToObj(i -> "gas_diesel_oil," + i + ".5,GJ")
                .collect(Collectors.joining("\n"));
    given()
        .contentType("text/csv")
        .queryParam("gwpSet", "AR5")
        .body(csv)
        .post(
            "/api/v1/tenants/{tenant}/calculations/ghg.scope1.stationary_combustion.v1/batches",
            TENANT)
        .then()
        .statusCode(201)
        .body("results", equalTo(5000))
        .body("errors", equalTo(0))
        .body("totals.exact.energyTJ", startsWith("12505"));
  }
}
