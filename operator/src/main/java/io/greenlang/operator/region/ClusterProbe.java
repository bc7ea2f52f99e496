package io.greenlang.operator.region;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Checks that a cluster's API server answers an authenticated request. */
@ApplicationScoped
public class ClusterProbe {
  private final KubernetesClient localClient;

  public ClusterProbe(KubernetesClient localClient) {
    this.localClient = localClient;
  }

  /** Probes the cluster the operator runs in. */
  public ProbeResult probeLocal() {
    return probe(localClient, "local cluster");
  }

  /** Probes a member cluster through its kubeconfig. */
  public ProbeResult probeMember(String clusterName, String kubeconfig, Duration timeout) {
    Config config;
    try {
      config = Config.fromKubeconfig(kubeconfig);
    } catch (RuntimeException e) {
      return ProbeResult.unreachable(
          "KubeconfigInvalid", "cluster " + clusterName + ": kubeconfig cannot be parsed");
    }
    config.setConnectionTimeout((int) timeout.toMillis());
    config.setRequestTimeout((int) timeout.toMillis());
    config.setRequestRetryBackoffLimit(0);
    try (KubernetesClient member = new KubernetesClientBuilder().withConfig(config).build()) {
      return probe(member, "cluster " + clusterName);
    }
  }

  private static ProbeResult probe(KubernetesClient client, String label) {
    try {
      client.namespaces().list(new ListOptionsBuilder().withLimit(1L).build());
      return ProbeResult.reachable("Reachable", label + " API server answered");
    } catch (KubernetesClientException e) {
      return ProbeResult.unreachable(
          "ClusterUnreachable", label + ": " + SecretRedaction.rootMessage(e));
    }
  }
}
