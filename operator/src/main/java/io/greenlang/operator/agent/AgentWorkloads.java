package io.greenlang.operator.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.GreenLang;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.operator.OperatorSettings;
import io.greenlang.operator.agent.workload.AgentConfigHash;
import io.greenlang.operator.agent.workload.AgentConfigMapDependent;
import io.greenlang.operator.agent.workload.AgentCredentialsSecretDependent;
import io.greenlang.operator.agent.workload.AgentDeploymentDependent;
import io.greenlang.operator.agent.workload.AgentHorizontalPodAutoscalerDependent;
import io.greenlang.operator.agent.workload.AgentNetworkPolicyDependent;
import io.greenlang.operator.agent.workload.AgentPodDisruptionBudgetDependent;
import io.greenlang.operator.agent.workload.AgentServiceAccountDependent;
import io.greenlang.operator.agent.workload.AgentServiceDependent;
import io.greenlang.operator.agent.workload.AgentWorkload;
import io.greenlang.operator.agent.workload.RuntimeDefaults;
import io.greenlang.operator.cluster.OwnedObjectMatcher;
import io.greenlang.operator.cluster.OwnedObjectSync;
import io.greenlang.operator.region.ConnectionSecrets;
import io.greenlang.operator.tenant.TenantEgress;
import io.greenlang.operator.tenant.data.TenantCredentialsSecret;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Makes the cluster the Agent lives in hold its workload: reads what the pods need (the tenant's
 * credentials, the LLM key Secrets, the Region's data services), builds every object with the
 * {@code Agent*Dependent} builders and writes only what differs, removing an autoscaler or
 * disruption budget no longer wanted. Reads before it writes, so a settled Agent costs reads only.
 */
@ApplicationScoped
public class AgentWorkloads {
  private final KubernetesClient client;
  private final TenantEgress egress;
  private final OperatorSettings settings;
  private final RuntimeDefaults defaults;

  public AgentWorkloads(
      KubernetesClient client,
      TenantEgress egress,
      OperatorSettings settings,
      AgentRuntimeSettings runtime) {
    this.client = client;
    this.egress = egress;
    this.settings = settings;
    this.defaults =
        new RuntimeDefaults(
            runtime.image(),
            runtime.imagePullPolicy(),
            new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(runtime.resources().requests().cpu()))
                .addToRequests("memory", new Quantity(runtime.resources().requests().memory()))
                .addToLimits("cpu", new Quantity(runtime.resources().limits().cpu()))
                .addToLimits("memory", new Quantity(runtime.resources().limits().memory()))
                .build(),
            runtime.premiumPriorityClass());
  }

  /** The Agent's Deployment as the API server has it, or null. */
  public Deployment deployment(Agent agent) {
    return client
        .apps()
        .deployments()
        .inNamespace(agent.getMetadata().getNamespace())
        .withName(agent.getMetadata().getName())
        .get();
  }

  /** One pass: everything in place, or the reason it cannot be. */
  public WorkloadOutcome apply(Agent agent, Tenant tenant, Region region) {
    String namespace = agent.getMetadata().getNamespace();
    boolean logical =
        TenantNames.SHARED_NAMESPACE.equals(namespace)
            || tenant.getSpec().getIsolation() == io.greenlang.crds.tenant.IsolationLevel.LOGICAL;
    String sourceNamespace =
        logical
            ? settings.operatorNamespace()
            : TenantNames.namespace(tenant.getMetadata().getName());
    String sourceName = TenantCredentialsSecret.name(tenant);
    Secret credentials = client.secrets().inNamespace(sourceNamespace).withName(sourceName).get();
    if (credentials == null) {
      return new WorkloadOutcome.Waiting(
          "CredentialsNotFound",
          "the tenant's credentials Secret "
              + sourceNamespace
              + "/"
              + sourceName
              + " is not there yet (see the Tenant's DatabaseReady condition)",
          deployment(agent));
    }
    boolean copied = !sourceNamespace.equals(namespace);
    String podCredentials =
        copied ? AgentWorkload.credentialsCopyName(agent.getMetadata().getName()) : sourceName;

    Map<String, Secret> podSecrets = new TreeMap<>();
    podSecrets.put(podCredentials, credentials);
    AgentWorkload workload;
    try {
      workload =
          new AgentWorkload(
              agent,
              tenant,
              region,
              podCredentials,
              copied,
              settings.operatorNamespace(),
              egress.dataServices(region),
              TenantEgress.llmEndpoints(region, tenant),
              defaults);
    } catch (ConnectionSecrets.SecretProblem problem) {
      return new WorkloadOutcome.Waiting(
          problem.reason(), "Region data services: " + problem.getMessage(), deployment(agent));
    }
    for (String name : workload.llmSecrets()) {
      Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
      if (secret == null) {
        return new WorkloadOutcome.Waiting(
            "SecretNotFound",
            "spec.llm.providers: Secret " + namespace + "/" + name + " not found",
            deployment(agent));
      }
      podSecrets.put(name, secret);
    }

    ConfigMap configMap = AgentConfigMapDependent.desired(workload);
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(AgentServiceAccountDependent.desired(workload));
    objects.add(configMap);
    if (copied) {
      objects.add(AgentCredentialsSecretDependent.desired(workload, credentials));
    }
    objects.add(AgentServiceDependent.desired(workload));
    objects.add(AgentNetworkPolicyDependent.desired(workload));
    AgentPodDisruptionBudgetDependent.desired(workload).ifPresent(objects::add);
    AgentHorizontalPodAutoscalerDependent.desired(workload).ifPresent(objects::add);
    new OwnedObjectSync(client).apply(objects);
    removeUnlessWanted(
        PodDisruptionBudget.class, workload, AgentPodDisruptionBudgetDependent.desired(workload));
    removeUnlessWanted(
        HorizontalPodAutoscaler.class,
        workload,
        AgentHorizontalPodAutoscalerDependent.desired(workload));
    return applyDeployment(workload, AgentConfigHash.of(configMap, podSecrets));
  }

  private WorkloadOutcome.Applied applyDeployment(AgentWorkload workload, String configHash) {
    Deployment actual =
        client
            .apps()
            .deployments()
            .inNamespace(workload.namespace())
            .withName(workload.name())
            .get();
    Integer current = actual == null ? null : actual.getSpec().getReplicas();
    Deployment desired = AgentDeploymentDependent.desired(workload, configHash, current);
    if (actual == null) {
      return new WorkloadOutcome.Applied(client.resource(desired).create(), true, true);
    }
    if (OwnedObjectMatcher.matches(desired, actual)) {
      return new WorkloadOutcome.Applied(actual, false, false);
    }
    boolean rolled = !configHash.equals(templateHash(actual));
    Deployment written =
        client.resource(actual).edit(current2 -> OwnedObjectMatcher.overlay(desired, current2));
    return new WorkloadOutcome.Applied(written, false, rolled);
  }

  static String templateHash(Deployment deployment) {
    var annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(AgentConfigHash.ANNOTATION);
  }

  /** Deletes the Agent's object of a kind the Agent no longer wants, if it is ours. */
  private <T extends HasMetadata> void removeUnlessWanted(
      Class<T> kind, AgentWorkload workload, Optional<? extends HasMetadata> wanted) {
    if (wanted.isPresent()) {
      return;
    }
    T existing =
        client.resources(kind).inNamespace(workload.namespace()).withName(workload.name()).get();
    if (existing != null
        && existing.getMetadata().getLabels() != null
        && workload.name().equals(existing.getMetadata().getLabels().get(AgentWorkload.AGENT_LABEL))
        && GreenLang.MANAGED_BY_VALUE.equals(
            existing.getMetadata().getLabels().get(GreenLang.MANAGED_BY_LABEL))) {
      client.resource(existing).delete();
    }
  }
}
