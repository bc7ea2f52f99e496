package io.greenlang.sandbox.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.sandbox.SandboxOptions;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.greenlang.testsupport.kubernetes.MockKubernetesApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The local kubelet runs a Deployment written as the operator writes it (contract C1) with the real
 * agent-runtime: environment from Secrets, ConfigMaps, the pod's name and {@code $(VAR)}
 * references, the agent configuration mounted from its ConfigMap; it reports status through the
 * status subresource, replaces pods on a template change, replaces a killed pod and stops them all
 * at zero replicas.
 */
class LocalKubeletIT {
  private static final Duration WAIT = Duration.ofSeconds(120);

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);
  private final String namespace = "gl-kubelet-" + suffix;

  @Test
  void runsReplacesAndStopsTheDeploymentsPods() throws Exception {
    Path work = Files.createTempDirectory("gl-kubelet-it");
    KubeletSettings settings = KubeletSettings.of(SandboxOptions.projectRoot(), work);
    try (TestDatabase database = TestPostgres.createDatabase();
        MockKubernetesApi api = MockKubernetesApi.start();
        LocalKubelet kubelet = LocalKubelet.start(api.client(), settings)) {
      KubernetesClient client = api.client();
      AgentDeployments.create(
          client, namespace, "kubelet-" + suffix, "steps", database, TestRedis.server(), 1);

      Deployment ready = awaitDeployment(client, d -> is(d, 1, 1) && available(d, "True"));
      assertThat(ready.getStatus().getObservedGeneration())
          .isEqualTo(ready.getMetadata().getGeneration());
      assertThat(ready.getStatus().getUpdatedReplicas()).isEqualTo(1);
      assertThat(condition(ready, "Progressing").getReason()).isEqualTo("NewReplicaSetAvailable");
      LocalPod first = kubelet.pods(namespace, "steps").get(0);
      assertThat(first.name()).matches("steps-[a-z0-9]{10}-[a-z0-9]{5}");
      assertThat(Files.readString(first.log()))
          .as("the runtime read the mounted agent configuration and named itself after the pod")
          .contains("Step worker " + first.name())
          .contains("consumes t:kubelet-" + suffix + ":agent:steps:tasks");

      // A new config hash in the template: a new pod replaces the old one once it is ready.
      client
          .apps()
          .deployments()
          .inNamespace(namespace)
          .withName("steps")
          .edit(
              d -> {
                d.getSpec()
                    .getTemplate()
                    .getMetadata()
                    .getAnnotations()
                    .put("greenlang.io/config-hash", "two");
                return d;
              });
      awaitPods(kubelet, pods -> pods.size() == 1 && pods.get(0).ready() && pods.get(0) != first);
      assertThat(kubelet.pods(namespace, "steps").get(0).templateHash())
          .isNotEqualTo(first.templateHash());

      // A killed pod is replaced by a new one.
      LocalPod second = kubelet.pods(namespace, "steps").get(0);
      kubelet.kill(second.name());
      awaitPods(kubelet, pods -> pods.size() == 1 && pods.get(0).ready() && pods.get(0) != second);

      // Zero replicas: no pods, and the status says so.
      client.apps().deployments().inNamespace(namespace).withName("steps").scale(0);
      awaitPods(kubelet, List::isEmpty);
      awaitDeployment(client, d -> is(d, 0, 0));

      client.apps().deployments().inNamespace(namespace).withName("steps").delete();
    }
  }

  private static boolean is(Deployment d, int replicas, int ready) {
    var status = d.getStatus();
    return status != null
        && count(status.getReplicas()) == replicas
        && count(status.getReadyReplicas()) == ready;
  }

  private static int count(Integer value) {
    return value == null ? 0 : value;
  }

  private static boolean available(Deployment d, String status) {
    return status.equals(condition(d, "Available").getStatus());
  }

  private static DeploymentCondition condition(Deployment d, String type) {
    return d.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }

  private Deployment awaitDeployment(KubernetesClient client, Predicate<Deployment> condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    Deployment current = null;
    while (Instant.now().isBefore(deadline)) {
      current = client.apps().deployments().inNamespace(namespace).withName("steps").get();
      if (current != null && current.getStatus() != null && condition.test(current)) {
        return current;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "Deployment not as expected: " + (current == null ? null : current.getStatus()));
  }

  private void awaitPods(LocalKubelet kubelet, Predicate<List<LocalPod>> condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.test(kubelet.pods(namespace, "steps"))) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("pods not as expected: " + kubelet.pods(namespace, "steps"));
      }
      Thread.sleep(200);
    }
  }
}
