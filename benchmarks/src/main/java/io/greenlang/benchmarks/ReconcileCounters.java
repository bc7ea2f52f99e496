package io.greenlang.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * java-operator-sdk's reconciliation counters for one controller ({@code tenant} unless named),
 * read from the operator's Prometheus scrape: the sum of every series of each counter that belongs
 * to it, plus the sum and count of the reconcile execution timer.
 */
record ReconcileCounters(Map<String, Double> byMetric) {
  /** Reconcile counters and the execution timer, in the Micrometer layouts of JOSDK 5. */
  private static final Pattern RECONCILE_METRIC =
      Pattern.compile(
          "(operator_sdk_)?reconciliations_"
              + "(started_total|success_total|failed_total|failure_total|started|success|failed"
              + "|execution_duration_seconds_sum|execution_duration_seconds_count)");

  static final String CONTROLLER = "tenant";

  static ReconcileCounters from(List<PrometheusSample> samples) {
    return from(samples, CONTROLLER, "Tenant");
  }

  /**
   * The counters of the controller named {@code controller}, whose resource kind is {@code kind}.
   */
  static ReconcileCounters from(List<PrometheusSample> samples, String controller, String kind) {
    Map<String, Double> sums = new TreeMap<>();
    for (PrometheusSample sample : samples) {
      if (RECONCILE_METRIC.matcher(sample.name()).matches()
          && isSeriesOf(sample, controller, kind)) {
        sums.merge(sample.name(), sample.value(), Double::sum);
      }
    }
    return new ReconcileCounters(sums);
  }

  /** A series of the controller: tagged with its name, or with its resource kind. */
  private static boolean isSeriesOf(PrometheusSample sample, String controller, String kind) {
    Map<String, String> labels = sample.labels();
    return controller.equals(labels.get("controller"))
        || controller.equals(labels.get("controller_name"))
        || kind.equals(labels.get("kind"));
  }

  boolean isEmpty() {
    return finished() == 0 && started() == 0;
  }

  /** Finished reconciliations: successes plus failures. */
  double finished() {
    return sum("success") + failed();
  }

  double started() {
    return sum("started");
  }

  double failed() {
    return sum("fail");
  }

  /** Mean time one reconcile took, from the execution timer; NaN without executions. */
  double meanExecutionSeconds() {
    return sum("execution_duration_seconds_sum") / sum("execution_duration_seconds_count");
  }

  private double sum(String nameFragment) {
    return byMetric.entrySet().stream()
        .filter(e -> e.getKey().contains(nameFragment))
        .map(Map.Entry::getValue)
        .reduce(0.0, Double::sum);
  }

  /** How much each counter grew since {@code earlier}. */
  ReconcileCounters minus(ReconcileCounters earlier) {
    Map<String, Double> delta = new TreeMap<>();
    byMetric.forEach(
        (name, value) -> delta.put(name, value - earlier.byMetric.getOrDefault(name, 0.0)));
    return new ReconcileCounters(delta);
  }
}
