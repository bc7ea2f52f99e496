package io.greenlang.testsupport.kubernetes;

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
 * The API server the chart's {@code lookup} calls reach while a test renders it. helm-java renders
 * like {@code helm install --dry-run=server}, so {@code lookup} asks a real API: this is the
 * fabric8 mock server in CRUD mode, found through a kubeconfig file, normally the one surefire
 * names in {@code KUBECONFIG} (helm/pom.xml, e2e/pom.xml). Tests create objects in it to render an
 * upgrade.
 */
public final class HelmLookupApi implements AutoCloseable {
  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final Path kubeconfig;

  private HelmLookupApi(KubernetesMockServer server, KubernetesClient client, Path kubeconfig) {
    this.server = server;
    this.client = client;
    this.kubeconfig = kubeconfig;
  }

  /** Starts a server and writes the kubeconfig file named by {@code KUBECONFIG}. */
  public static HelmLookupApi startForKubeconfigVariable() {
    String kubeconfig = System.getenv("KUBECONFIG");
    if (kubeconfig == null) {
      throw new IllegalStateException(
          "KUBECONFIG is not set: run this test through Maven (the module's pom.xml sets it)");
    }
    return start(Path.of(kubeconfig));
  }

  /** Starts a server and writes a kubeconfig file pointing at it. */
  public static HelmLookupApi start(Path kubeconfig) {
    Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    var server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            expectations,
            new KubernetesMixedDispatcher(expectations),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    answerCoreDiscovery(server);
    String url = "http://127.0.0.1:" + server.getPort();
    writeKubeconfig(kubeconfig, url);
    Config config =
        new ConfigBuilder(Config.empty()).withMasterUrl(url).withNamespace("default").build();
    return new HelmLookupApi(
        server, new KubernetesClientBuilder().withConfig(config).build(), kubeconfig);
  }

  /** A client of the server, to create what a later render should find. */
  public KubernetesClient client() {
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
      Files.createDirectories(file.toAbsolutePath().getParent());
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
    client.close();
    server.destroy();
    try {
      Files.deleteIfExists(kubeconfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
