package io.greenlang.operator.admission;

import io.fabric8.kubernetes.api.model.GroupVersionKind;
import io.fabric8.kubernetes.api.model.GroupVersionResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequestBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.UserInfoBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.UUID;

/**
 * AdmissionReview JSON documents as the API server sends them to a validating webhook: request uid,
 * kind, resource, operation, user, the object (and old object on UPDATE).
 */
final class AdmissionReviewDocuments {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private AdmissionReviewDocuments() {}

  /** A review of {@code object}; {@code old} only for UPDATE. */
  static String review(String operation, HasMetadata object, HasMetadata old) {
    return review(operation, object, old, false);
  }

  static String review(String operation, HasMetadata object, HasMetadata old, boolean dryRun) {
    return review(operation, object.getMetadata().getNamespace(), object, old, dryRun);
  }

  /**
   * A CREATE whose object carries no namespace, as kubectl sends it when the namespace is only in
   * the URL ({@code kubectl create -n}).
   */
  static String createIn(String namespace, HasMetadata object) {
    return review("CREATE", namespace, object, null, false);
  }

  private static String review(
      String operation, String namespace, HasMetadata object, HasMetadata old, boolean dryRun) {
    String kind = object.getKind();
    String plural = object.getPlural();
    var request =
        new AdmissionRequestBuilder()
            .withUid(UUID.randomUUID().toString())
            .withKind(new GroupVersionKind("greenlang.io", kind, "v1alpha1"))
            .withRequestKind(new GroupVersionKind("greenlang.io", kind, "v1alpha1"))
            .withResource(new GroupVersionResource("greenlang.io", plural, "v1alpha1"))
            .withRequestResource(new GroupVersionResource("greenlang.io", plural, "v1alpha1"))
            .withName(object.getMetadata().getName())
            .withNamespace(namespace)
            .withOperation(operation)
            .withUserInfo(
                new UserInfoBuilder()
                    .withUsername("maria@acme.example")
                    .addToGroups("system:authenticated")
                    .build())
            .withDryRun(dryRun)
            .withObject("DELETE".equals(operation) ? null : object)
            .withOldObject(old)
            .build();
    return JSON.asJson(
        new AdmissionReviewBuilder()
            .withApiVersion("admission.k8s.io/v1")
            .withKind("AdmissionReview")
            .withRequest(request)
            .build());
  }
}
