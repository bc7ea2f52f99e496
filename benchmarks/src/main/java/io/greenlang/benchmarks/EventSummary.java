package io.greenlang.benchmarks;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kubernetes Events the operator recorded on Tenants, counted by type and reason ("Warning
 * TenantProvisioningFailed"): the operator reports provisioning failures there and in conditions,
 * not in its log.
 */
final class EventSummary {
  private EventSummary() {}

  static Map<String, Long> tenantEventsByReason(KubernetesClient client) {
    Map<String, Long> counts = new TreeMap<>();
    try {
      for (Event event : client.v1().events().inAnyNamespace().list().getItems()) {
        if ("Tenant".equals(event.getInvolvedObject().getKind())) {
          long times = event.getCount() == null ? 1 : event.getCount();
          counts.merge(event.getType() + " " + event.getReason(), times, Long::sum);
        }
      }
    } catch (KubernetesClientException e) {
      return Map.of("(Events could not be listed: " + e.getMessage() + ")", 0L);
    }
    Map<String, Long> busiestFirst = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> busiestFirst.put(e.getKey(), e.getValue()));
    return busiestFirst;
  }
}
