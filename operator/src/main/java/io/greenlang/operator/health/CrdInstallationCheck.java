package io.greenlang.operator.health;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.greenlang.crds.GreenLangCrds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the operator is only ready when all five GreenLang CRDs are installed, so a missing
 * `helm install` step shows up as a clear probe failure naming the absent CRDs.
 */
@Readiness
@ApplicationScoped
public class CrdInstallationCheck implements HealthCheck {
  private final KubernetesClient client;

  public CrdInstallationCheck(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("greenlang-crds");
    try {
      List<String> missing =
          GreenLangCrds.NAMES.stream()
              .filter(
                  name ->
                      client.apiextensions().v1().customResourceDefinitions().withName(name).get()
                          == null)
              .toList();
      return missing.isEmpty()
          ? response.up().withData("installed", String.join(",", GreenLangCrds.NAMES)).build()
          : response.down().withData("missing", String.join(",", missing)).build();
    } catch (KubernetesClientException e) {
      return response.down().withData("error", "API server: " + e.getMessage()).build();
    }
  }
}
