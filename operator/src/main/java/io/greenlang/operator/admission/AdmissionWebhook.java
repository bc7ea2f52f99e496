package io.greenlang.operator.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GroupVersionKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.greenlang.crds.GreenLang;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Decides AdmissionReviews for Tenants and Agents with {@link TenantAdmissionRules} and {@link
 * AgentAdmissionRules}. Only CREATE and UPDATE of the kind an endpoint serves are checked, and an
 * UPDATE only when it changes {@code spec}: metadata-only writes (labels, finalizers, deletion)
 * must never be blocked, or an object whose Region has gone could not even be deleted.
 */
@ApplicationScoped
public class AdmissionWebhook {
  private static final Logger LOG = Logger.getLogger(AdmissionWebhook.class);

  private final ResourceLookup lookup;
  private final KubernetesSerialization serialization;

  @Inject
  public AdmissionWebhook(ResourceLookup lookup, KubernetesClient client) {
    this(lookup, client.getKubernetesSerialization());
  }

  AdmissionWebhook(ResourceLookup lookup, KubernetesSerialization serialization) {
    this.lookup = lookup;
    this.serialization = serialization;
  }

  /** Answers a review of a Tenant. */
  public AdmissionReview reviewTenant(AdmissionRequest request) {
    return review(
        request,
        "Tenant",
        r -> TenantAdmissionRules.check(read(r.getObject(), Tenant.class), lookup));
  }

  /** Answers a review of an Agent. */
  public AdmissionReview reviewAgent(AdmissionRequest request) {
    return review(
        request,
        "Agent",
        r -> {
          Agent agent = read(r.getObject(), Agent.class);
          // On CREATE the namespace is often only in the request URL, not in the object.
          if (agent.getMetadata().getNamespace() == null) {
            agent.getMetadata().setNamespace(r.getNamespace());
          }
          return AgentAdmissionRules.admissionViolations(
              agent, lookup, "CREATE".equals(r.getOperation()));
        });
  }

  private AdmissionReview review(
      AdmissionRequest request,
      String kind,
      Function<AdmissionRequest, List<FieldViolation>> rules) {
    String uid = request.getUid();
    if (!isChecked(request, kind)) {
      return AdmissionResponses.allowed(uid);
    }
    String subject = kind + " " + describe(request);
    try {
      List<FieldViolation> violations = rules.apply(request);
      if (violations.isEmpty()) {
        return AdmissionResponses.allowed(uid);
      }
      LOG.infof("Denied %s %s: %s", request.getOperation(), subject, violations);
      return AdmissionResponses.denied(uid, kind, violations);
    } catch (UnreadableObjectException e) {
      return AdmissionResponses.denied(
          uid, kind, List.of(new FieldViolation("object", "ObjectUnreadable", e.getMessage())));
    } catch (LookupFailedException e) {
      LOG.warnf("Could not check %s: %s", subject, e.getMessage());
      return AdmissionResponses.failed(uid, subject + " could not be checked: " + e.getMessage());
    } catch (RuntimeException e) {
      // A bug in a rule must deny (failurePolicy Fail) with a short message, never a stack trace.
      LOG.errorf(e, "Checking %s failed", subject);
      return AdmissionResponses.failed(
          uid,
          subject
              + " could not be checked: internal error "
              + e.getClass().getSimpleName()
              + " in the GreenLang operator; see its log");
    }
  }

  private boolean isChecked(AdmissionRequest request, String kind) {
    GroupVersionKind gvk = request.getKind();
    boolean ours =
        gvk != null && GreenLang.GROUP.equals(gvk.getGroup()) && kind.equals(gvk.getKind());
    boolean mainResource = request.getSubResource() == null || request.getSubResource().isEmpty();
    String operation = request.getOperation();
    if (!ours || !mainResource || !("CREATE".equals(operation) || "UPDATE".equals(operation))) {
      return false;
    }
    JsonNode object = serialization.convertValue(request.getObject(), JsonNode.class);
    if (object == null || object.isNull()) {
      return true; // read() then denies, naming the missing object
    }
    if (object.path("metadata").hasNonNull("deletionTimestamp")) {
      return false;
    }
    if ("UPDATE".equals(operation)) {
      JsonNode old = serialization.convertValue(request.getOldObject(), JsonNode.class);
      return old == null || !old.path("spec").equals(object.path("spec"));
    }
    return true;
  }

  private <T extends HasMetadata> T read(Object object, Class<T> type) {
    try {
      T resource = serialization.convertValue(object, type);
      if (resource == null || resource.getMetadata() == null) {
        throw new UnreadableObjectException(
            "the request carries no " + type.getSimpleName() + " with metadata");
      }
      return resource;
    } catch (IllegalArgumentException e) {
      String detail = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new UnreadableObjectException(
          "cannot be read as a " + GreenLang.GROUP + " " + type.getSimpleName() + ": " + detail);
    }
  }

  private static String describe(AdmissionRequest request) {
    String name = request.getName() == null ? "(name to be generated)" : request.getName();
    return request.getNamespace() == null ? name : request.getNamespace() + "/" + name;
  }

  /** The object in the request is not a readable Tenant or Agent. */
  static final class UnreadableObjectException extends RuntimeException {
    UnreadableObjectException(String message) {
      super(message);
    }
  }
}
