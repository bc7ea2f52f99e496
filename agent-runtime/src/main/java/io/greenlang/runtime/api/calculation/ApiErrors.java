package io.greenlang.runtime.api.calculation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.store.DatabaseException;
import io.greenlang.runtime.calculation.store.NotFoundException;
import io.greenlang.runtime.calculation.store.UnknownTenantException;
import io.greenlang.runtime.catalog.InvalidFactorTableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * How the calculation and catalog endpoints answer failures: 400 naming the field for bad input,
 * 404 for an unknown tenant, formula, run, result or table, 500 without internals for database
 * failures (logged with the cause). Every body is {@code {"error", "field", "message"}}.
 */
public class ApiErrors {

  private static final Logger LOG = Logger.getLogger(ApiErrors.class);

  @ServerExceptionMapper
  public Response invalidInput(InvalidInputException e) {
    return answer(Response.Status.BAD_REQUEST, "invalid-input", e.field(), e.problem());
  }

  @ServerExceptionMapper
  public Response invalidTable(InvalidFactorTableException e) {
    ObjectNode body = body("invalid-factor-table", e.problems().get(0).field(), e.getMessage());
    ArrayNode problems = body.putArray("problems");
    e.problems()
        .forEach(p -> problems.addObject().put("field", p.field()).put("message", p.message()));
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON)
        .entity(body)
        .build();
  }

  @ServerExceptionMapper
  public Response unknownTenant(UnknownTenantException e) {
    return answer(Response.Status.NOT_FOUND, "unknown-tenant", "tenant", e.getMessage());
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return answer(Response.Status.NOT_FOUND, "not-found", null, e.getMessage());
  }

  @ServerExceptionMapper
  public Response database(DatabaseException e) {
    LOG.error(e.getMessage(), e);
    return answer(
        Response.Status.INTERNAL_SERVER_ERROR,
        "database",
        null,
        e.getMessage() + "; see the runtime log");
  }

  private static Response answer(
      Response.Status status, String error, String field, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(body(error, field, message))
        .build();
  }

  private static ObjectNode body(String error, String field, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("error", error);
    if (field != null) {
      body.put("field", field);
    }
    body.put("message", message);
    return body;
  }
}
