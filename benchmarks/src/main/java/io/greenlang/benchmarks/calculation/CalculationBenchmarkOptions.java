package io.greenlang.benchmarks.calculation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of the calculations benchmark: how many CBAM import lines, which phases, and where the
 * generated file and the report go.
 */
record CalculationBenchmarkOptions(int rows, List<String> phases, Path workDir, Path report) {

  static final String COMPUTE = "compute";
  static final String STORE = "store";

  static final String USAGE =
      """
      Usage: benchmark calculations [options]
        --rows=N              CBAM import lines to generate and calculate (default 1000000)
        --phases=compute,store  compute: in memory, one thread and all cores; store: into
                              PostgreSQL as a tenant login role, then verify the stored run
                              (default: both)
        --work-dir=DIR        where the generated CSV goes (default: benchmarks/target/calculation-benchmark)
        --report=FILE         Markdown report (default: benchmarks/target/calculation-benchmark.md)
      """;

  static CalculationBenchmarkOptions parse(String[] args, Path root) {
    int rows = 1_000_000;
    List<String> phases = List.of(COMPUTE, STORE);
    Path work = root.resolve("benchmarks/target/calculation-benchmark");
    Path report = root.resolve("benchmarks/target/calculation-benchmark.md");
    for (String arg : split(args)) {
      if (arg.startsWith("--rows=")) {
        rows = Integer.parseInt(value(arg));
        if (rows < 1) {
          throw new IllegalArgumentException("--rows must be at least 1");
        }
      } else if (arg.startsWith("--phases=")) {
        phases = List.of(value(arg).split(","));
        for (String phase : phases) {
          if (!phase.equals(COMPUTE) && !phase.equals(STORE)) {
            throw new IllegalArgumentException("Unknown phase " + phase + "\n" + USAGE);
          }
        }
      } else if (arg.startsWith("--work-dir=")) {
        work = Path.of(value(arg));
      } else if (arg.startsWith("--report=")) {
        report = Path.of(value(arg));
      } else {
        throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
      }
    }
    return new CalculationBenchmarkOptions(rows, phases, work, report);
  }

  /** Maven passes -Dbenchmark.args as one argument; split it on whitespace. */
  private static List<String> split(String[] args) {
    List<String> split = new ArrayList<>();
    for (String arg : args) {
      for (String part : arg.strip().split("\\s+")) {
        if (!part.isBlank()) {
          split.add(part);
        }
      }
    }
    return split;
  }

  private static String value(String arg) {
    return arg.substring(arg.indexOf('=') + 1);
  }
}
