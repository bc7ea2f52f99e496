package io.greenlang.operator.events;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Emits Kubernetes Events about GreenLang resources, so {@code kubectl describe} shows what the
 * operator decided and why. Recording is best effort: a failed Event never fails a reconcile.
 */
@ApplicationScoped
public class EventRecorder {
  private static final Logger LOG = Logger.getLogger(EventRecorder.class);
  private static final String COMPONENT = "greenlang-operator";

  /**
   * Events about cluster-scoped objects live in "default", where kubectl describe looks for them.
   */
  private static final String CLUSTER_SCOPED_EVENT_NAMESPACE = "default";

  private final KubernetesClient client;

  public EventRecorder(KubernetesClient client) {
    this.client = client;
  }

  /** Records an Event with the given reason and message (which must not contain secrets). */
  public void record(HasMetadata subject, EventReason reason, String message) {
    String namespace = subject.getMetadata().getNamespace();
    String eventNamespace = namespace == null ? CLUSTER_SCOPED_EVENT_NAMESPACE : namespace;
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    var event =
        new EventBuilder()
            .withNewMetadata()
            .withGenerateName(subject.getMetadata().getName() + ".")
            .withNamespace(eventNamespace)
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(subject.getApiVersion())
                    .withKind(subject.getKind())
                    .withName(subject.getMetadata().getName())
                    .withNamespace(namespace)
                    .withUid(subject.getMetadata().getUid())
                    .withResourceVersion(subject.getMetadata().getResourceVersion())
                    .build())
            .withReason(reason.name())
            .withMessage(message)
            .withType(reason.type().name())
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .build();
    try {
      client.v1().events().inNamespace(eventNamespace).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warnf(
          "Could not record event %s for %s %s: %s",
          reason, subject.getKind(), subject.getMetadata().getName(), e.getMessage());
    }
  }
}
