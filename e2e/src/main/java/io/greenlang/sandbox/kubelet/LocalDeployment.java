package io.greenlang.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pods of one Deployment and the Deployment controller's part in keeping them: as many pods of
 * the current template as {@code spec.replicas}; on a template change the new pods start at once
 * and each old one stops when a new one is ready (strategy {@code Recreate}: the old ones stop
 * first); scaling down stops pods that are not ready first, then the newest.
 */
final class LocalDeployment {
  private final String namespace;
  private final String name;
  private final List<LocalPod> pods = new CopyOnWriteArrayList<>();
  private String failure;
  private String templateHash;

  LocalDeployment(String namespace, String name) {
    this.namespace = namespace;
    this.name = name;
  }

  /**
   * Probes the pods and starts or removes pods so they match the Deployment. Returns the pods
   * removed, for the caller to stop (stopping takes up to the grace period).
   */
  List<LocalPod> sync(Deployment deployment, KubernetesClient client, KubeletSettings settings)
      throws IOException {
    int desired = desiredReplicas(deployment);
    templateHash = PodNames.templateHash(deployment.getSpec().getTemplate());
    for (LocalPod pod : pods) {
      pod.probe();
    }
    List<LocalPod> removed = new ArrayList<>();
    List<LocalPod> current = new ArrayList<>(pods.stream().filter(this::isCurrent).toList());
    List<LocalPod> old = new ArrayList<>(pods.stream().filter(p -> !isCurrent(p)).toList());
    boolean recreate =
        deployment.getSpec().getStrategy() != null
            && "Recreate".equals(deployment.getSpec().getStrategy().getType());
    if (recreate) {
      removed.addAll(old);
      old.clear();
    }
    current.sort(Comparator.comparing(LocalPod::ready).reversed());
    while (current.size() > desired) {
      removed.add(current.remove(current.size() - 1));
    }
    failure = null;
    while (current.size() < desired) {
      try {
        LocalPod pod =
            LocalPod.start(
                client,
                settings,
                namespace,
                name,
                templateHash,
                deployment.getSpec().getTemplate());
        pods.add(pod);
        current.add(pod);
      } catch (PodStartException e) {
        failure = e.getMessage();
        break;
      }
    }
    long readyCurrent = current.stream().filter(LocalPod::ready).count();
    long keepOld = Math.max(0, desired - readyCurrent);
    old.sort(Comparator.comparing(LocalPod::ready));
    while (old.size() > keepOld) {
      removed.add(old.remove(0));
    }
    pods.removeAll(removed);
    return removed;
  }

  /** Takes the pod out of this Deployment (the caller ends it); true when it was one of ours. */
  boolean remove(LocalPod pod) {
    return pods.remove(pod);
  }

  /** Every pod, removed from this Deployment (it was deleted). */
  List<LocalPod> removeAll() {
    List<LocalPod> all = new ArrayList<>(pods);
    pods.clear();
    return all;
  }

  List<LocalPod> pods() {
    return List.copyOf(pods);
  }

  boolean isCurrent(LocalPod pod) {
    return pod.templateHash().equals(templateHash);
  }

  /** Why the last pod could not be started, or null. */
  String failure() {
    return failure;
  }

  String templateHash() {
    return templateHash;
  }

  String key() {
    return namespace + "/" + name;
  }

  static int desiredReplicas(Deployment deployment) {
    Integer replicas = deployment.getSpec().getReplicas();
    return replicas == null ? 1 : replicas;
  }
}
