package io.greenlang.runtime.api.calculation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.CatalogService;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.catalog.FactorQuery;
import io.greenlang.runtime.catalog.FactorRow;
import io.greenlang.runtime.catalog.TableSummary;
import jakarta.ws.rs.Consumes;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The factor catalog of one tenant: list tables, read a table version, look up the row a
 * calculation would use, and publish a new version of a tenant table from JSON or CSV
 * (docs/runtime/calculations.md, "Catalog").
 */
@Path("/api/v1/tenants/{tenant}/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

  private final CatalogService catalog;

  public CatalogResource(CatalogService catalog) {
    this.catalog = catalog;
  }

  @GET
  @Path("tables")
  public ArrayNode tables(@PathParam("tenant") String tenant) {
    ArrayNode tables = JsonNodeFactory.instance.arrayNode();
    catalog.tables(tenant).forEach(table -> tables.add(ApiJson.summary(table)));
    return tables;
  }

  /** A table version with its rows; the latest version without {@code version}. */
  @GET
  @Path("tables/{tableId}")
  public ObjectNode table(
      @PathParam("tenant") String tenant,
      @PathParam("tableId") String tableId,
      @QueryParam("version") Integer version) {
    return ApiJson.table(catalog.table(tenant, tableId, version));
  }

  /** The row a calculation would use, with its reference (table, version, row). */
  @GET
  @Path("lookup")
  public ObjectNode lookup(
      @PathParam("tenant") String tenant,
      @QueryParam("table") String table,
      @QueryParam("version") Integer version,
      @QueryParam("quantity") String quantity,
      @QueryParam("subject") String subject,
      @QueryParam("asOf") String asOf) {
    FactorQuery query =
        new FactorQuery(
            required("table", table),
            version,
            required("quantity", quantity),
            required("subject", subject),
            date(asOf));
    FactorRow row = catalog.lookup(tenant, query);
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("reference", row.reference().toString());
    json.set("row", row.toJson());
    return json;
  }

  /** Publishes the next version of a tenant table from {@code {"title", "description", "rows"}}. */
  @POST
  @Path("tables/{tableId}/versions")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response publishJson(
      @PathParam("tenant") String tenant,
      @PathParam("tableId") String tableId,
      InputStream body,
      @Context UriInfo uri,
      @Context SecurityContext caller) {
    return created(
        uri,
        tenant,
        catalog.publish(
            tenant, CalculationResource.actor(caller), tableId, RequestBodies.json(body)));
  }

  /** Publishes the next version of a tenant table from a CSV file; title in the query. */
  @POST
  @Path("tables/{tableId}/versions")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  public Response publishCsv(
      @PathParam("tenant") String tenant,
      @PathParam("tableId") String tableId,
      @QueryParam("title") String title,
      @QueryParam("description") String description,
      InputStream body,
      @Context UriInfo uri,
      @Context SecurityContext caller) {
    return created(
        uri,
        tenant,
        catalog.publish(
            tenant,
            CalculationResource.actor(caller),
            tableId,
            title,
            description,
            RequestBodies.csv(body)));
  }

  private static Response created(UriInfo uri, String tenant, TableSummary table) {
    URI location =
        uri.getBaseUriBuilder()
            .path("api/v1/tenants/{tenant}/catalog/tables/{tableId}")
            .queryParam("version", table.version())
            .build(tenant, table.id());
    return Response.created(location).entity(ApiJson.summary(table)).build();
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "required");
    }
    return value.strip();
  }

  private static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("asOf", "not an ISO date (YYYY-MM-DD): \"" + text + "\"");
    }
  }
}
