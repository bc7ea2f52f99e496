package io.greenlang.operator.admission;

import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/**
 * The validating admission webhook endpoints the API server calls (ValidatingWebhookConfiguration
 * in the Helm chart): {@value #TENANTS} and {@value #AGENTS}, each taking and answering an {@code
 * admission.k8s.io/v1} AdmissionReview.
 */
@Path("/admission/validate")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdmissionWebhookResource {
  public static final String TENANTS = "/admission/validate/tenants";
  public static final String AGENTS = "/admission/validate/agents";

  private final AdmissionWebhook webhook;
  private final AdmissionSettings settings;

  public AdmissionWebhookResource(AdmissionWebhook webhook, AdmissionSettings settings) {
    this.webhook = webhook;
    this.settings = settings;
  }

  @POST
  @Path("tenants")
  public Response tenants(AdmissionReview review, @Context HttpServerRequest http) {
    return answer(review, http, webhook::reviewTenant);
  }

  @POST
  @Path("agents")
  public Response agents(AdmissionReview review, @Context HttpServerRequest http) {
    return answer(review, http, webhook::reviewAgent);
  }

  private Response answer(
      AdmissionReview review,
      HttpServerRequest http,
      Function<AdmissionRequest, AdmissionReview> decide) {
    if (settings.httpsOnly() && !http.isSSL()) {
      return plainText(
          Response.Status.FORBIDDEN,
          "admission webhook endpoints are served over HTTPS only (greenlang.admission.https-only)");
    }
    if (review == null || review.getRequest() == null) {
      return plainText(
          Response.Status.BAD_REQUEST,
          "body must be an admission.k8s.io/v1 AdmissionReview with a request");
    }
    return Response.ok(decide.apply(review.getRequest())).build();
  }

  private static Response plainText(Response.Status status, String message) {
    return Response.status(status).type(MediaType.TEXT_PLAIN).entity(message).build();
  }
}
