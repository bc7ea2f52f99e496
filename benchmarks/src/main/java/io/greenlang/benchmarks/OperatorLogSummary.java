package io.greenlang.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * ERROR and WARN lines of an operator log, counted and grouped by message shape (Tenant names and
 * numbers masked), so a misbehaving operator shows up in the report with its evidence.
 */
record OperatorLogSummary(int errors, int warnings, Map<String, Integer> topMessages) {
  private static final Pattern LEVEL = Pattern.compile("^\\S+\\s+\\S+\\s+(ERROR|WARN)\\s+(.*)$");
  private static final int SHAPE_LENGTH = 220;
  private static final int TOP = 8;

  static OperatorLogSummary read(Path log) throws IOException {
    int errors = 0;
    int warnings = 0;
    Map<String, Integer> shapes = new LinkedHashMap<>();
    List<String> lines;
    try (Stream<String> stream = Files.lines(log)) {
      lines = stream.toList();
    }
    for (String line : lines) {
      Matcher m = LEVEL.matcher(line);
      if (!m.matches()) {
        continue;
      }
      if (m.group(1).equals("ERROR")) {
        errors++;
      } else {
        warnings++;
      }
      shapes.merge(m.group(1) + " " + shape(m.group(2)), 1, Integer::sum);
    }
    Map<String, Integer> top = new LinkedHashMap<>();
    shapes.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(TOP)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return new OperatorLogSummary(errors, warnings, top);
  }

  private static String shape(String message) {
    String masked =
        message
            .replaceAll("bench-[0-9a-f]{4}-[a-z]\\d{5}", "bench-N")
            .replaceAll("\\(.*?-thread-\\d+\\)|\\(pool-\\d+-thread-\\d+\\)", "(thread)")
            .replaceAll("\\b\\d+\\b", "N");
    return masked.length() <= SHAPE_LENGTH ? masked : masked.substring(0, SHAPE_LENGTH) + "...";
  }
}
