package io.greenlang.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of the dispatch benchmark ({@code -Dbenchmark=dispatch -Dbenchmark.args="..."}).
 *
 * @param runs single-step PipelineRuns measured
 * @param warmUp runs before the measured ones, one at a time
 * @param rate runs created per second
 * @param workers step workers in the benchmark JVM
 * @param operatorHeap maximum heap of the operator process
 * @param workDir where the operator's copy and log go
 * @param report the Markdown report
 */
record DispatchBenchmarkOptions(
    int runs, int warmUp, int rate, int workers, String operatorHeap, Path workDir, Path report) {

  static final String USAGE =
      """
      Usage: benchmark dispatch [options]
        --runs=N           measured single-step PipelineRuns (default 500)
        --warm-up=N        runs before those, one at a time (default 20)
        --rate=N           runs created per second (default 10)
        --workers=N        step workers (default 2)
        --operator-heap=S  operator -Xmx (default 512m)
        --report=FILE      Markdown report (default: benchmarks/target/dispatch-benchmark.md)
      """;

  static DispatchBenchmarkOptions parse(String[] args, Path root) {
    int runs = 500;
    int warmUp = 20;
    int rate = 10;
    int workers = 2;
    String heap = "512m";
    Path report = root.resolve("benchmarks/target/dispatch-benchmark.md");
    for (String arg : split(args)) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.startsWith("--runs=")) {
        runs = positive(arg, value);
      } else if (arg.startsWith("--warm-up=")) {
        warmUp = Integer.parseInt(value);
      } else if (arg.startsWith("--rate=")) {
        rate = positive(arg, value);
      } else if (arg.startsWith("--workers=")) {
        workers = positive(arg, value);
      } else if (arg.startsWith("--operator-heap=")) {
        heap = value;
      } else if (arg.startsWith("--report=")) {
        report = Path.of(value);
      } else {
        throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
      }
    }
    return new DispatchBenchmarkOptions(
        runs,
        warmUp,
        rate,
        workers,
        heap,
        root.resolve("benchmarks/target/dispatch-benchmark"),
        report);
  }

  Path operatorApplication(Path root) {
    return root.resolve("operator/target/quarkus-app/quarkus-run.jar");
  }

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

  private static int positive(String arg, String value) {
    int parsed = Integer.parseInt(value);
    if (parsed < 1) {
      throw new IllegalArgumentException(arg + ": must be at least 1");
    }
    return parsed;
  }
}
