package io.greenlang.monitoring;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
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
 * The API server {@code helm template} asks while rendering the chart (helm-java renders like
 * {@code --dry-run=server}, and the webhook template looks up its certificate Secret): a fabric8
 * mock in CRUD mode, found through the kubeconfig file surefire names in {@code KUBECONFIG}
 * (e2e/pom.xml), as in the chart's own tests.
 */
final class HelmLookupServer implements AutoCloseable {
  private final KubernetesMockServer server;
  private final Path kubeconfig;

  private HelmLookupServer(KubernetesMockServer server, Path kubeconfig) {
    this.server = server;
    this.kubeconfig = kubeconfig;
  }

  static HelmLookupServer start() {
    String kubeconfig = System.getenv("KUBECONFIG");
    if (kubeconfig == null) {
      throw new IllegalStateException("KUBECONFIG is not set: run this test through Maven");
    }
    Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    var server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            expectations,
            new KubernetesMixedDispatcher(expectations),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    // Helm maps the Secret kind to its resource through discovery, which the CRUD mock lacks.
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
    for (String path : new String[] {"/api/v1", "/api/v1?timeout=32s"}) {
      server.expect().get().withPath(path).andReturn(200, resources).always();
    }
    writeKubeconfig(Path.of(kubeconfig), "http://127.0.0.1:" + server.getPort());
    return new HelmLookupServer(server, Path.of(kubeconfig));
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

  /** Stops the server and removes the kubeconfig, which no other test or process should pick up. */
  @Override
  public void close() {
    server.destroy();
    try {
      Files.deleteIfExists(kubeconfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
