package io.greenlang.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's live heap: a full GC ({@code jcmd <pid> GC.run}), then the used heap as {@code
 * jcmd <pid> GC.heap_info} and the {@code jvm_memory_used_bytes{area="heap"}} metric report it.
 */
final class OperatorHeap {
  private static final Pattern HEAP_USED =
      Pattern.compile("heap\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K");

  private OperatorHeap() {}

  /** Heap in use after a full GC, in MB by both measures. */
  record AfterFullGc(double jcmdUsedMb, double metricUsedMb, String heapInfo) {
    static final AfterFullGc UNKNOWN = new AfterFullGc(Double.NaN, Double.NaN, "not measured");
  }

  static AfterFullGc measure(OperatorProcess operator) throws IOException, InterruptedException {
    operator.jcmd("GC.run");
    String heapInfo = operator.jcmd("GC.heap_info");
    List<PrometheusSample> metrics = PrometheusSample.parse(operator.scrapeMetrics());
    double metricBytes =
        metrics.stream()
            .filter(s -> s.name().equals("jvm_memory_used_bytes"))
            .filter(s -> "heap".equals(s.labels().get("area")))
            .map(PrometheusSample::value)
            .reduce(0.0, Double::sum);
    return new AfterFullGc(usedKb(heapInfo) / 1024.0, metricBytes / (1024.0 * 1024.0), heapInfo);
  }

  private static double usedKb(String heapInfo) {
    Matcher m = HEAP_USED.matcher(heapInfo);
    return m.find() ? Double.parseDouble(m.group(2)) : Double.NaN;
  }
}
