package io.greenlang.monitoring;

import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names in a Prometheus text exposition: every sample's name (with its {@code _total},
 * {@code _bucket}, {@code _count}, {@code _sum} or {@code _max} suffix, as queries name them) and
 * every family declared by {@code # TYPE}.
 */
final class ExportedMetrics {
  private ExportedMetrics() {}

  static Set<String> names(String exposition) {
    Set<String> names = new TreeSet<>();
    for (String line : exposition.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("# TYPE ")) {
        names.add(trimmed.split("\\s+")[2]);
      } else if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        int end = 0;
        while (end < trimmed.length()
            && trimmed.charAt(end) != '{'
            && !Character.isWhitespace(trimmed.charAt(end))) {
          end++;
        }
        names.add(trimmed.substring(0, end));
      }
    }
    return names;
  }
}
