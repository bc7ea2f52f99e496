package io.greenlang.operator.agent.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.greenlang.crds.GreenLang;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.common.SecretKeySelector;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.operator.tenant.desired.EgressTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything the desired state of one Agent's workload depends on: the Agent, its Tenant and
 * Region, the Secret holding the tenant's credentials as the pod sees it, where the pod may
 * connect, and the runtime defaults. The {@code Agent*Dependent} builders are pure functions of it.
 *
 * @param credentialsSecret name of the credentials Secret in the Agent's namespace
 * @param credentialsCopied whether that Secret is the operator's copy ({@code <agent>-credentials})
 */
public record AgentWorkload(
    Agent agent,
    Tenant tenant,
    Region region,
    String credentialsSecret,
    boolean credentialsCopied,
    String operatorNamespace,
    List<EgressTarget> dataServices,
    List<EgressTarget> llmEndpoints,
    RuntimeDefaults defaults) {
  public static final String APP_NAME = "greenlang-agent";
  public static final String NAME_LABEL = "app.kubernetes.io/name";
  public static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
  public static final String AGENT_LABEL = GreenLang.GROUP + "/agent";
  public static final int HTTP_PORT = 8080;

  /** Name of every object of the workload but the credentials copy. */
  public String name() {
    return agent.getMetadata().getName();
  }

  public String namespace() {
    return agent.getMetadata().getNamespace();
  }

  public String tenantName() {
    return tenant.getMetadata().getName();
  }

  public boolean logical() {
    return tenant.getSpec().getIsolation() == IsolationLevel.LOGICAL;
  }

  /** Name of the operator's copy of the tenant's credentials in the Agent's namespace. */
  public static String credentialsCopyName(String agent) {
    return agent + "-credentials";
  }

  /** The in-cluster URL of the agent's API. */
  public String endpoint() {
    return "http://" + name() + "." + namespace() + ".svc:" + HTTP_PORT;
  }

  /** Labels of every object of the workload and of its pods. */
  public Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME_LABEL, APP_NAME);
    labels.put(INSTANCE_LABEL, name());
    labels.put(GreenLang.MANAGED_BY_LABEL, GreenLang.MANAGED_BY_VALUE);
    labels.put(GreenLang.TENANT_LABEL, tenantName());
    labels.put(AGENT_LABEL, name());
    return labels;
  }

  /** The labels selecting the agent's pods. */
  public Map<String, String> selector() {
    Map<String, String> selector = new LinkedHashMap<>();
    selector.put(INSTANCE_LABEL, name());
    selector.put(AGENT_LABEL, name());
    return selector;
  }

  /**
   * Names of the Secrets the agent's LLM chain reads its API keys from, sorted, without repeats.
   */
  public List<String> llmSecrets() {
    TreeSet<String> names = new TreeSet<>();
    var spec = agent.getSpec();
    if (spec != null && spec.getLlm() != null) {
      spec.getLlm().getProviders().stream()
          .map(p -> p.getApiKeySecretRef())
          .filter(ref -> ref != null && ref.getName() != null)
          .map(SecretKeySelector::getName)
          .forEach(names::add);
    }
    return List.copyOf(names);
  }

  /** Every Secret the pod reads: the credentials and the LLM keys, sorted, without repeats. */
  public List<String> podSecrets() {
    TreeSet<String> names = new TreeSet<>(llmSecrets());
    names.add(credentialsSecret);
    return List.copyOf(names);
  }

  /** Metadata of an object of the workload named {@code name}: labels and the Agent as owner. */
  public ObjectMeta metadata(String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace())
        .withLabels(labels())
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion(HasMetadata.getApiVersion(Agent.class))
                .withKind(HasMetadata.getKind(Agent.class))
                .withName(name())
                .withUid(agent.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build())
        .build();
  }
}
