package io.greenlang.runtime.api.calculation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.audit.AuditActors;
import io.greenlang.runtime.calculation.BatchableTool;
import io.greenlang.runtime.calculation.CalculationService;
import io.greenlang.runtime.calculation.CalculationTool;
import io.greenlang.runtime.calculation.CalculationVerifications;
import io.greenlang.runtime.calculation.Formulas;
import io.greenlang.runtime.calculation.RunOutcome;
import io.greenlang.runtime.calculation.cbam.CertificateObligation;
import io.greenlang.runtime.calculation.verification.RunVerification;
import io.greenlang.runtime.calculation.verification.Verification;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Calculations of one tenant (the tenant is explicit in the path; authorisation comes with the
 * roles): run a formula, submit a CSV batch, read a run and its results with provenance, verify a
 * result or a whole run (docs/runtime/calculations.md, "API").
 */
@Path("/api/v1/tenants/{tenant}/calculations")
@Produces(MediaType.APPLICATION_JSON)
public class CalculationResource {

  private final CalculationService calculations;
  private final CalculationVerifications verifications;

  public CalculationResource(
      CalculationService calculations, CalculationVerifications verifications) {
    this.calculations = calculations;
    this.verifications = verifications;
  }

  /** The formulas, what each computes and whether it takes CSV batches. */
  @GET
  @Path("formulas")
  public ArrayNode formulas() {
    ArrayNode formulas = JsonNodeFactory.instance.arrayNode();
    for (CalculationTool<?, ?> tool : Formulas.all()) {
      formulas
          .addObject()
          .put("formula", tool.formula())
          .put("description", tool.description())
          .put(
              "batch",
              tool instanceof BatchableTool<?, ?> || tool instanceof CertificateObligation);
    }
    return formulas;
  }

  /** Runs {@code formula} on the JSON input; 201 with the run and its results. */
  @POST
  @Path("{formula}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response calculate(
      @PathParam("tenant") String tenant,
      @PathParam("formula") String formula,
      InputStream body,
      @Context UriInfo uri,
      @Context SecurityContext caller) {
    RunOutcome outcome =
        calculations.calculate(tenant, actor(caller), formula, RequestBodies.json(body));
    return Response.created(runUri(uri, tenant, outcome.run().runId()))
        .entity(ApiJson.runWithResults(outcome.run(), outcome.results()))
        .build();
  }

  /**
   * Runs {@code formula} over the rows of a CSV body; query parameters are defaults for empty cells
   * (for a CBAM obligation: its terms, and line defaults prefixed {@code lines.}).
   */
  @POST
  @Path("{formula}/batches")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  public Response batch(
      @PathParam("tenant") String tenant,
      @PathParam("formula") String formula,
      InputStream body,
      @Context UriInfo uri,
      @Context SecurityContext caller) {
    Map<String, String> parameters = new LinkedHashMap<>();
    uri.getQueryParameters()
        .forEach((name, values) -> parameters.put(name, values.get(values.size() - 1)));
    RunOutcome outcome =
        calculations.batch(tenant, actor(caller), formula, RequestBodies.csv(body), parameters);
    return Response.created(runUri(uri, tenant, outcome.run().runId()))
        .entity(ApiJson.run(outcome.run()))
        .build();
  }

  @GET
  @Path("runs/{runId}")
  public ObjectNode run(@PathParam("tenant") String tenant, @PathParam("runId") String runId) {
    return ApiJson.run(calculations.run(tenant, RequestBodies.runId(runId)));
  }

  /** Results {@code offset+1 ... offset+limit} of the run, with provenance, in chain order. */
  @GET
  @Path("runs/{runId}/results")
  public ObjectNode results(
      @PathParam("tenant") String tenant,
      @PathParam("runId") String runId,
      @QueryParam("offset") @DefaultValue("0") long offset,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    UUID id = RequestBodies.runId(runId);
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("offset", offset);
    ArrayNode results = json.putArray("results");
    calculations.results(tenant, id, offset, limit).forEach(r -> results.add(ApiJson.result(r)));
    return json;
  }

  @GET
  @Path("runs/{runId}/results/{sequence}")
  public ObjectNode result(
      @PathParam("tenant") String tenant,
      @PathParam("runId") String runId,
      @PathParam("sequence") long sequence) {
    return ApiJson.result(calculations.result(tenant, RequestBodies.runId(runId), sequence));
  }

  /** Recomputes the result from its provenance and confirms its hashes. */
  @POST
  @Path("runs/{runId}/results/{sequence}/verify")
  public Verification verifyResult(
      @PathParam("tenant") String tenant,
      @PathParam("runId") String runId,
      @PathParam("sequence") long sequence,
      @Context SecurityContext caller) {
    return verifications.verifyResult(tenant, actor(caller), RequestBodies.runId(runId), sequence);
  }

  /** Verifies every result of the run and its chain to the recorded root hash. */
  @POST
  @Path("runs/{runId}/verify")
  public RunVerification verifyRun(
      @PathParam("tenant") String tenant,
      @PathParam("runId") String runId,
      @Context SecurityContext caller) {
    return verifications.verifyRun(tenant, actor(caller), RequestBodies.runId(runId));
  }

  /** Who the audit events of a request name: the API's caller as it knows it. */
  static String actor(SecurityContext caller) {
    return AuditActors.apiCaller(caller == null ? null : caller.getUserPrincipal());
  }

  private static URI runUri(UriInfo uri, String tenant, UUID runId) {
    return uri.getBaseUriBuilder()
        .path("api/v1/tenants/{tenant}/calculations/runs/{runId}")
        .build(tenant, runId.toString());
  }
}
