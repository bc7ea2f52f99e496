package io.greenlang.benchmarks.bus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of the step-bus benchmark ({@code -Dbenchmark=bus -Dbenchmark.args="..."}).
 *
 * @param tasks tasks of the throughput phase, published as a backlog before the workers start
 * @param workers step workers, each a consumer with its own Redis connection
 * @param latencyTasks tasks of the latency phase, published one by one at {@code rate}
 * @param rate tasks per second of the latency phase
 * @param shipmentLines lines of the CBAM shipment CSV each task validates
 * @param report where the Markdown report goes
 */
record BusBenchmarkOptions(
    int tasks, int workers, int latencyTasks, int rate, int shipmentLines, Path report) {

  static final String USAGE =
      """
      Usage: benchmark bus [options]
        --tasks=N          tasks of the throughput phase (default 20000)
        --workers=N        step workers (default 4)
        --latency-tasks=N  tasks of the latency phase (default 2000)
        --rate=N           tasks per second in the latency phase (default 50)
        --lines=N          shipment lines per task's CSV (default 10)
        --report=FILE      Markdown report (default: benchmarks/target/bus-benchmark.md)
      """;

  static BusBenchmarkOptions parse(List<String> args, Path projectRoot) {
    int tasks = 20_000;
    int workers = 4;
    int latencyTasks = 2_000;
    int rate = 50;
    int lines = 10;
    Path report = projectRoot.resolve("benchmarks/target/bus-benchmark.md");
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.startsWith("--tasks=")) {
        tasks = positive(arg, value);
      } else if (arg.startsWith("--workers=")) {
        workers = positive(arg, value);
      } else if (arg.startsWith("--latency-tasks=")) {
        latencyTasks = positive(arg, value);
      } else if (arg.startsWith("--rate=")) {
        rate = positive(arg, value);
      } else if (arg.startsWith("--lines=")) {
        lines = positive(arg, value);
      } else if (arg.startsWith("--report=")) {
        report = Path.of(value);
      } else {
        throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
      }
    }
    return new BusBenchmarkOptions(tasks, workers, latencyTasks, rate, lines, report);
  }

  /** Maven passes -Dbenchmark.args as one argument; split it on whitespace. */
  static List<String> split(String[] args) {
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
