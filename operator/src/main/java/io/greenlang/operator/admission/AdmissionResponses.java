package io.greenlang.operator.admission;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponseBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReviewBuilder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the {@code admission.k8s.io/v1} AdmissionReview answers: allowed; denied with a message
 * naming every broken field (code 422, one status cause per field); or failed because the cluster
 * could not be read (code 500), which denies as {@code failurePolicy: Fail} would.
 */
public final class AdmissionResponses {
  public static final String API_VERSION = "admission.k8s.io/v1";
  public static final String KIND = "AdmissionReview";

  private AdmissionResponses() {}

  public static AdmissionReview allowed(String uid) {
    return review(new AdmissionResponseBuilder().withUid(uid).withAllowed(true));
  }

  /** Denies with {@code field: message} of every violation, joined by "; ". */
  public static AdmissionReview denied(String uid, String kind, List<FieldViolation> violations) {
    List<StatusCause> causes =
        violations.stream().map(v -> new StatusCause(v.field(), v.message(), v.reason())).toList();
    Status status =
        new StatusBuilder()
            .withStatus("Failure")
            .withCode(422)
            .withReason("Invalid")
            .withMessage(
                violations.stream().map(FieldViolation::describe).collect(Collectors.joining("; ")))
            .withNewDetails()
            .withKind(kind)
            .withCauses(causes)
            .endDetails()
            .build();
    return review(
        new AdmissionResponseBuilder().withUid(uid).withAllowed(false).withStatus(status));
  }

  /** Denies because the rules could not be evaluated; {@code message} says what failed. */
  public static AdmissionReview failed(String uid, String message) {
    Status status =
        new StatusBuilder()
            .withStatus("Failure")
            .withCode(500)
            .withReason("InternalError")
            .withMessage(message)
            .build();
    return review(
        new AdmissionResponseBuilder().withUid(uid).withAllowed(false).withStatus(status));
  }

  private static AdmissionReview review(AdmissionResponseBuilder response) {
    return new AdmissionReviewBuilder()
        .withApiVersion(API_VERSION)
        .withKind(KIND)
        .withResponse(response.build())
        .build();
  }
}
