package io.greenlang.helm;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * The API server the chart's {@code lookup} calls reach while the tests render it. helm-java
 * renders like {@code helm install --dry-run=server}, so {@code lookup} asks a real API: this is
 * the fabric8 mock server in CRUD mode, started once per test JVM, and found through the kubeconfig
 * file that surefire names in {@code KUBECONFIG}. Tests create objects in it to render an upgrade.
 */
final class LookupApiServer {
  private static KubernetesMockServer server;
  private static KubernetesClient client;

  private LookupApiServer() {}

  /** Starts the server and writes the kubeconfig, once. */
  static synchronized void ensureStarted() {
    if (server != null) {
      return;
    }
    String kubeconfig = System.getenv("KUBECONFIG");
    if (kubeconfig == null) {
      throw new IllegalStateException(
          "KUBECONFIG is not set: run the chart tests through Maven (helm/pom.xml sets it)");
    }
    Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            expectations,
            new KubernetesMixedDispatcher(expectations),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    answerCoreDiscovery(server);
    String url = "http://127.0.0.1:" + server.getPort();
    writeKubeconfig(Path.of(kubeconfig), url);
    Config config =
        new ConfigBuilder(Config.empty()).withMasterUrl(url).withNamespace("default").build();
    client = new KubernetesClientBuilder().withConfig(config).build();
    Runtime.getRuntime().addShutdownHook(new Thread(LookupApiServer::stop));
  }

  /** A client of the server, to create what a later render should find. */
  static KubernetesClient client() {
    ensureStarted();
    return client;
  }

  /** Helm maps a kind to its resource through discovery, which the CRUD mock does not answer. */
  private static void answerCoreDiscovery(KubernetesMockServer server) {
    var resources =
        new APIResourceListBuilder()
            .withGroupVersion("v1")
            .addToResources(
                new APIResourceBuilder()
                    .withName("secrets")
                    .withSingularName("secret")
                    .withKind("Secret")
                    .withNamespaced(true)
                    .withVerbs("get", "list", "watch", "create", "update", "patch", "delete")
                    .build())
            .build();
    // client-go asks with its discovery timeout as query; the mock matches path and query exactly.
    for (String path : new String[] {"/api/v1", "/api/v1?timeout=32s"}) {
      server.expect().get().withPath(path).andReturn(200, resources).always();
    }
  }

  private static void writeKubeconfig(Path file, String url) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          """
          apiVersion: v1
          kind: Config
          clusters:
          - name: lookup
            cluster:
              server: %s
          contexts:
          - name: lookup
            context:
              cluster: lookup
              user: lookup
          current-context: lookup
          users:
          - name: lookup
            user:
              token: lookup-token
          """
              .formatted(url));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.destroy();
    }
  }
}
