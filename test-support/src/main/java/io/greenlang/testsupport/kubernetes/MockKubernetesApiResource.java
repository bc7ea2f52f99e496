package io.greenlang.testsupport.kubernetes;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource that starts a {@link MockKubernetesApi} before the application and points
 * the application's Kubernetes client at it; tests reach the same server through {@link #api()}.
 */
public class MockKubernetesApiResource implements QuarkusTestResourceLifecycleManager {
  private static volatile MockKubernetesApi api;

  /** The API server of the running test application. */
  public static MockKubernetesApi api() {
    if (api == null) {
      throw new IllegalStateException("MockKubernetesApiResource has not been started");
    }
    return api;
  }

  @Override
  public Map<String, String> start() {
    api = MockKubernetesApi.start();
    return api.quarkusConfig();
  }

  @Override
  public void stop() {
    if (api != null) {
      api.close();
      api = null;
    }
  }
}
