package io.greenlang.benchmarks;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionStatus;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.greenlang.testsupport.kubernetes.MockKubernetesApi;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fresh control plane for one benchmark phase: the mock API server with the CRDs, member-cluster
 * API servers, a Ready Region, and the operator as a real process pointed at them.
 */
final class ControlPlane implements AutoCloseable {
  private final MockKubernetesApi api;
  private final List<MockKubernetesApi> members;
  private OperatorProcess operator;

  private ControlPlane(MockKubernetesApi api, List<MockKubernetesApi> members) {
    this.api = api;
    this.members = members;
  }

  /** Starts the API servers, creates the Region, starts the operator and waits for both. */
  static ControlPlane start(
      int memberClusters,
      String sharedDatabase,
      Path operatorApplication,
      String operatorHeap,
      Path operatorLog)
      throws Exception {
    // Indexed stores: the stock mock server scans every stored object per request, which at tens of
    // thousands of objects, not the operator, would set the pace (and stall leader election).
    List<MockKubernetesApi> members = new ArrayList<>();
    for (int i = 0; i < memberClusters; i++) {
      members.add(MockKubernetesApi.startIndexed(0));
    }
    ControlPlane plane = new ControlPlane(MockKubernetesApi.startIndexed(0), members);
    try {
      BenchmarkRegion.create(
          plane.client(), TestPostgres.server(), sharedDatabase, TestRedis.server(), members);
      plane.operator =
          OperatorProcess.start(
              operatorApplication, operatorHeap, plane.operatorEnvironment(), operatorLog);
      plane.operator.awaitReady(Duration.ofSeconds(120));
      plane.awaitRegionReady(Duration.ofSeconds(120));
      return plane;
    } catch (Exception | Error e) {
      plane.close();
      throw e;
    }
  }

  KubernetesClient client() {
    return api.client();
  }

  String apiUrl() {
    return api.url();
  }

  /** The API server and the member clusters' servers. */
  List<MockKubernetesApi> apiServers() {
    List<MockKubernetesApi> all = new ArrayList<>(members);
    all.add(0, api);
    return all;
  }

  OperatorProcess operator() {
    return operator;
  }

  private Map<String, String> operatorEnvironment() {
    return Map.of(
        "QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL",
        api.url(),
        "QUARKUS_KUBERNETES_CLIENT_TRUST_CERTS",
        "true",
        "QUARKUS_KUBERNETES_CLIENT_NAMESPACE",
        BenchmarkRegion.OPERATOR_NAMESPACE,
        "GL_OPERATOR_NAMESPACE",
        BenchmarkRegion.OPERATOR_NAMESPACE,
        "QUARKUS_ANALYTICS_DISABLED",
        "true");
  }

  private void awaitRegionReady(Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Region region = client().resources(Region.class).withName(BenchmarkRegion.NAME).get();
      if (region.getStatus() != null
          && region
              .getStatus()
              .condition(RegionStatus.READY)
              .map(Condition::isTrue)
              .orElse(false)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "Region "
            + BenchmarkRegion.NAME
            + " not Ready after "
            + timeout
            + ": "
            + Serialization.asJson(
                client().resources(Region.class).withName(BenchmarkRegion.NAME).get().getStatus())
            + "\nOperator log:\n"
            + operator.tail(40));
  }

  @Override
  public void close() throws InterruptedException {
    if (operator != null) {
      operator.close();
    }
    api.close();
    members.forEach(MockKubernetesApi::close);
  }
}
