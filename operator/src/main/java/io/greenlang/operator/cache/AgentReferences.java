package io.greenlang.operator.cache;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentSpec;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;

/**
 * The part of an Agent that controllers other than the Agent controller read: which Agents exist
 * (name, namespace) and whose they are ({@code spec.tenant}).
 */
public final class AgentReferences {
  private AgentReferences() {}

  /**
   * Configures an Agent informer of another controller to keep only Agent references, when the
   * controller watches all namespaces. java-operator-sdk gives every namespace of a list its own
   * informer, all with the configured store; a relist of one namespace would then drop the others'
   * Agents from the shared store, so with a namespace list the informer keeps whole Agents.
   */
  public static InformerEventSourceConfiguration.Builder<Agent> referencesOnly(
      InformerEventSourceConfiguration.Builder<Agent> informer, EventSourceContext<?> context) {
    if (context.getControllerConfiguration().getInformerConfig().watchAllNamespaces()) {
      informer.withItemStore(new PrunedItemStore<>(AgentReferences::reference));
    }
    return informer;
  }

  /** A new Agent holding only the identity, generation and {@code spec.tenant} of {@code agent}. */
  public static Agent reference(Agent agent) {
    ObjectMeta metadata = agent.getMetadata();
    Agent reference = new Agent();
    reference.setMetadata(
        new ObjectMetaBuilder()
            .withName(metadata.getName())
            .withNamespace(metadata.getNamespace())
            .withUid(metadata.getUid())
            .withResourceVersion(metadata.getResourceVersion())
            .withGeneration(metadata.getGeneration())
            .withDeletionTimestamp(metadata.getDeletionTimestamp())
            .build());
    if (agent.getSpec() != null) {
      AgentSpec spec = new AgentSpec();
      spec.setTenant(agent.getSpec().getTenant());
      reference.setSpec(spec);
    }
    return reference;
  }
}
