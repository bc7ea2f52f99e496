package io.greenlang.monitoring;

import java.util.List;
import java.util.Set;

/**
 * Names a dashboard or rule may use that neither GreenLang application exports, because Prometheus
 * or another standard exporter provides them. Kept short and explicit: a name added here is a name
 * MonitoringMetricNamesIT no longer checks, so each entry says where it comes from.
 */
final class OtherExporters {
  private OtherExporters() {}

  /** Series Prometheus itself writes. */
  private static final Set<String> PROMETHEUS =
      Set.of(
          "up", // one per scrape target: 1 when the scrape succeeded
          "ALERTS", // one per pending or firing alert
          "ALERTS_FOR_STATE");

  /** Prefixes of standard exporters' metrics. */
  private static final List<String> PREFIXES =
      List.of(
          "kube_" // kube-state-metrics (Deployments, Pods, ResourceQuotas)
          );

  static boolean provides(String name) {
    return PROMETHEUS.contains(name) || PREFIXES.stream().anyMatch(name::startsWith);
  }
}
