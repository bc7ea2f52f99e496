package io.greenlang.runtime.api.audit;

import io.greenlang.runtime.audit.AuditLedger;
import io.greenlang.runtime.audit.AuditStorageException;
import io.greenlang.runtime.schema.audit.AuditEntry;
import io.greenlang.runtime.schema.audit.AuditFieldException;
import io.greenlang.runtime.schema.audit.AuditPartitionMissingException;
import io.greenlang.runtime.schema.audit.AuditTenantAccessException;
import io.greenlang.runtime.schema.audit.AuditText;
import io.greenlang.runtime.schema.audit.ChainAnchor;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The audit chain of one tenant over REST (docs/runtime/audit-ledger.md, "REST API"): append an
 * event, read entries by sequence range, verify the chain. The tenant is explicit in the path;
 * authorisation by role comes with the API's authentication.
 */
@Path("/api/v1/tenants/{tenant}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  private static final Logger LOG = Logger.getLogger(AuditResource.class);
  private static final int DEFAULT_PAGE = 100;

  private final AuditLedger ledger;

  AuditResource(AuditLedger ledger) {
    this.ledger = ledger;
  }

  /** Appends an event to the tenant's chain; 201 with the stored entry. */
  @POST
  @Path("/events")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response append(@PathParam("tenant") String tenant, String body) {
    AuditEntry entry = ledger.record(AuditEventRequest.read(tenant, body));
    return Response.created(
            UriBuilder.fromPath("/api/v1/tenants/{tenant}/audit/events")
                .queryParam("from", entry.sequence())
                .queryParam("to", entry.sequence())
                .build(tenant))
        .entity(AuditEntryView.of(entry))
        .build();
  }

  /** Entries with sequence {@code from} to {@code to} (inclusive), at most {@code limit}. */
  @GET
  @Path("/events")
  public AuditPageView read(
      @PathParam("tenant") String tenant,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit) {
    AuditText.requireTenant(tenant);
    long first = number("from", from, 1);
    long last = number("to", to, Long.MAX_VALUE);
    int size = (int) Math.min(number("limit", limit, DEFAULT_PAGE), Integer.MAX_VALUE);
    List<AuditEntry> entries = ledger.read(tenant, first, last, size);
    Long next = null;
    if (entries.size() == size) {
      long after = entries.get(entries.size() - 1).sequence();
      next = after < last ? after + 1 : null;
    }
    return new AuditPageView(tenant, entries.stream().map(AuditEntryView::of).toList(), next);
  }

  /**
   * Verifies the tenant's chain from the genesis, or after the entry {@code fromSequence} whose
   * hash is {@code anchorHash} (from an earlier verification).
   */
  @GET
  @Path("/verify")
  public ChainVerificationView verify(
      @PathParam("tenant") String tenant,
      @QueryParam("fromSequence") String fromSequence,
      @QueryParam("anchorHash") String anchorHash) {
    AuditText.requireTenant(tenant);
    ChainAnchor from = ChainAnchor.GENESIS;
    if (fromSequence != null || anchorHash != null) {
      long sequence = number("fromSequence", fromSequence, 0);
      if (sequence > 0 && anchorHash == null) {
        throw new AuditFieldException(
            "anchorHash", "is required with fromSequence: the hash of entry " + sequence);
      }
      from =
          new ChainAnchor(sequence, anchorHash == null ? ChainAnchor.GENESIS.hash() : anchorHash);
    }
    return ChainVerificationView.of(ledger.verify(tenant, from));
  }

  private static long number(String field, String value, long absent) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new AuditFieldException(field, "must be a whole number, not \"" + value + "\"");
    }
  }

  @ServerExceptionMapper
  Response badField(AuditFieldException e) {
    return error(Response.Status.BAD_REQUEST, e.field(), e.getMessage());
  }

  @ServerExceptionMapper
  Response otherTenant(AuditTenantAccessException e) {
    return error(Response.Status.FORBIDDEN, "tenant", e.getMessage());
  }

  @ServerExceptionMapper
  Response noPartition(AuditPartitionMissingException e) {
    LOG.error(e.getMessage());
    return error(Response.Status.SERVICE_UNAVAILABLE, null, e.getMessage());
  }

  @ServerExceptionMapper
  Response storage(AuditStorageException e) {
    LOG.error("Audit ledger storage failed", e);
    return error(Response.Status.SERVICE_UNAVAILABLE, null, e.getMessage());
  }

  private static Response error(Response.Status status, String field, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new ApiError(field, message))
        .build();
  }
}
