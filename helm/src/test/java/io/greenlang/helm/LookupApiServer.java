package io.greenlang.helm;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.testsupport.kubernetes.HelmLookupApi;

/**
 * The chart tests' {@link HelmLookupApi}: started once per test JVM, at the kubeconfig surefire
 * names in {@code KUBECONFIG}, and stopped when the JVM exits.
 */
final class LookupApiServer {
  private static HelmLookupApi api;

  private LookupApiServer() {}

  /** Starts the server and writes the kubeconfig, once. */
  static synchronized void ensureStarted() {
    if (api != null) {
      return;
    }
    api = HelmLookupApi.startForKubeconfigVariable();
    Runtime.getRuntime().addShutdownHook(new Thread(api::close));
  }

  /** A client of the server, to create what a later render should find. */
  static KubernetesClient client() {
    ensureStarted();
    return api.client();
  }
}
