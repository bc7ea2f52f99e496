package io.greenlang.helm;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The output of {@code helm template} parsed into typed fabric8 objects, so assertions read like
 * the Kubernetes API rather than like YAML text.
 */
record RenderedChart(List<HasMetadata> resources) {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** Helm separates the documents of every template with a line holding only "---". */
  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  static RenderedChart parse(String manifests) {
    List<HasMetadata> resources =
        DOCUMENT_SEPARATOR
            .splitAsStream(manifests)
            .filter(document -> document.lines().anyMatch(line -> line.startsWith("kind:")))
            .map(document -> SERIALIZATION.unmarshal(document, HasMetadata.class))
            .toList();
    return new RenderedChart(resources);
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
    return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
  }

  <T extends HasMetadata> T get(Class<T> type, String name) {
    return find(type, name)
        .orElseThrow(
            () ->
                new AssertionError(
                    "No " + type.getSimpleName() + " named " + name + " in " + names()));
  }

  /** The operator Deployment; the chart renders exactly one. */
  Deployment deployment() {
    List<Deployment> deployments = all(Deployment.class);
    if (deployments.size() != 1) {
      throw new AssertionError("Expected one Deployment, got " + names());
    }
    return deployments.get(0);
  }

  /**
   * The operator container's environment variables with a plain value whose names pass {@code
   * names}, by name: the settings the chart hands the operator.
   */
  Map<String, String> operatorEnv(java.util.function.Predicate<String> names) {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    for (var variable :
        deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
      if (variable.getValue() != null && names.test(variable.getName())) {
        env.put(variable.getName(), variable.getValue());
      }
    }
    return env;
  }

  Service service() {
    return get(Service.class, OperatorChart.RELEASE);
  }

  List<ServiceAccount> serviceAccounts() {
    return all(ServiceAccount.class);
  }

  ClusterRole clusterRole(String name) {
    return get(ClusterRole.class, name);
  }

  ClusterRoleBinding clusterRoleBinding(String name) {
    return get(ClusterRoleBinding.class, name);
  }

  /** Kind/name of everything rendered, for failure messages. */
  List<String> names() {
    return resources.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()).toList();
  }
}
