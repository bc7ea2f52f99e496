package io.greenlang.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's live heap: a full GC ({@code jcmd <pid> GC.run}), then the used heap as {@code
 * jcmd <pid> GC.heap_info} and the {@code jvm_memory_used_bytes{area="heap"}} metric report it.
 * Both include what the still running operator allocated since that GC; the class histogram ({@code
 * jcmd <pid> GC.class_histogram}, which runs a full GC of its own) counts live objects only and
 * names the largest classes.
 */
final class OperatorHeap {
  private static final Pattern HEAP_USED =
      Pattern.compile("heap\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K");

  private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)");
  private static final Pattern HISTOGRAM_ROW =
      Pattern.compile("\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*");

  private OperatorHeap() {}

  /** Heap in use after a full GC, in MB by both measures. */
  record AfterFullGc(
      double jcmdUsedMb,
      double metricUsedMb,
      double liveMb,
      String heapInfo,
      List<String> largestClasses) {
    static final AfterFullGc UNKNOWN =
        new AfterFullGc(Double.NaN, Double.NaN, Double.NaN, "not measured", List.of());
  }

  static AfterFullGc measure(OperatorProcess operator) throws IOException, InterruptedException {
    String histogram = operator.jcmd("GC.class_histogram");
    operator.jcmd("GC.run");
    String heapInfo = operator.jcmd("GC.heap_info");
    List<PrometheusSample> metrics = PrometheusSample.parse(operator.scrapeMetrics());
    double metricBytes =
        metrics.stream()
            .filter(s -> s.name().equals("jvm_memory_used_bytes"))
            .filter(s -> "heap".equals(s.labels().get("area")))
            .map(PrometheusSample::value)
            .reduce(0.0, Double::sum);
    return new AfterFullGc(
        usedKb(heapInfo) / 1024.0,
        metricBytes / (1024.0 * 1024.0),
        totalBytes(histogram) / (1024.0 * 1024.0),
        heapInfo,
        largestClasses(histogram, 12));
  }

  /** The {@code Total} line's byte count of a class histogram. */
  static double totalBytes(String histogram) {
    Matcher m = HISTOGRAM_TOTAL.matcher(histogram);
    return m.find() ? Double.parseDouble(m.group(2)) : Double.NaN;
  }

  /** The first {@code count} rows of a class histogram: "bytes MB, instances, class". */
  static List<String> largestClasses(String histogram, int count) {
    return histogram
        .lines()
        .map(HISTOGRAM_ROW::matcher)
        .filter(Matcher::matches)
        .limit(count)
        .map(
            m ->
                "%.1f MB, %,d × %s"
                    .formatted(
                        Long.parseLong(m.group(2)) / (1024.0 * 1024.0),
                        Long.parseLong(m.group(1)),
                        m.group(3)))
        .toList();
  }

  private static double usedKb(String heapInfo) {
    Matcher m = HEAP_USED.matcher(heapInfo);
    return m.find() ? Double.parseDouble(m.group(2)) : Double.NaN;
  }
}
