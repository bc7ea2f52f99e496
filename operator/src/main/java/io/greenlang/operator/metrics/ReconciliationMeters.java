package io.greenlang.operator.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Registers at zero the java-operator-sdk counters that appear only with a first failure or retry
 * ({@code reconciliations_failure_total}, {@code reconciliations_retries_total}), so the
 * reconcile-error alert and the operator dashboard read 0 instead of nothing on a healthy operator.
 *
 * <p>The SDK tags these counters with {@code controller_name}, and with {@code namespace} for
 * resources in a namespace; Prometheus needs one set of tag keys per name, so only the controllers
 * of cluster-scoped kinds (no namespace tag) are registered here, with exactly the SDK's tags.
 */
@Startup
@ApplicationScoped
public class ReconciliationMeters {
  /**
   * Controllers of the cluster-scoped kinds Region and Tenant ({@code @ControllerConfiguration}).
   */
  static final List<String> CLUSTER_SCOPED_CONTROLLERS = List.of("region", "tenant");

  /** The SDK's (MicrometerMetricsV2) counters that start with a failure. */
  static final List<String> FAILURE_COUNTERS =
      List.of("reconciliations.failure.total", "reconciliations.retries.total");

  public ReconciliationMeters(MeterRegistry registry) {
    for (String controller : CLUSTER_SCOPED_CONTROLLERS) {
      for (String counter : FAILURE_COUNTERS) {
        registry.counter(counter, "controller.name", controller);
      }
    }
  }
}
