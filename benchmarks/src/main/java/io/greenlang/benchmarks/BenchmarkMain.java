package io.greenlang.benchmarks;

import io.greenlang.benchmarks.audit.LedgerBenchmark;
import io.greenlang.benchmarks.calculation.CalculationBenchmark;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Entry point of {@code ./mvnw -Pbenchmarks -pl benchmarks -am verify -DskipTests
 * -Dbenchmark=tenants} (or {@code dataplane}, {@code ledger}, {@code llm}, {@code bus}, {@code
 * dispatch}, {@code calculations}): picks the benchmark named by the first argument and runs it.
 */
public final class BenchmarkMain {
  /** Kept referenced: java.util.logging forgets levels set on loggers nobody holds. */
  private static final java.util.logging.Logger MOCK_SERVER_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    // The mock API server logs every request; at 10,000 Tenants that is the benchmark's own noise.
    MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    PrintStream out = System.out;
    // The calculations benchmark has options of its own and needs no operator or API server.
    if (args.length > 0 && CalculationBenchmark.NAME.equals(args[0].strip())) {
      System.exit(
          CalculationBenchmark.run(
              Arrays.copyOfRange(args, 1, args.length), BenchmarkOptions.projectRoot(), out));
      return;
    }
    // The ledger and LLM gateway benchmarks need no operator and have options of their own.
    if (args.length > 0 && args[0].strip().equals(LedgerBenchmark.NAME)) {
      System.exit(LedgerBenchmark.run(args, BenchmarkOptions.projectRoot(), out));
      return;
    }
    if (args.length > 0 && args[0].strip().equals("bus")) {
      // The step bus benchmark (package bus) has options of its own.
      io.greenlang.benchmarks.bus.BusBenchmark.run(
          java.util.Arrays.copyOfRange(args, 1, args.length), BenchmarkOptions.projectRoot(), out);
      System.exit(0);
      return;
    }
    if (args.length > 0 && args[0].strip().equals(DispatchBenchmark.NAME)) {
      // The operator's side of the step bus (PipelineRuns), with options of its own.
      DispatchBenchmark.run(
          Arrays.copyOfRange(args, 1, args.length), BenchmarkOptions.projectRoot(), out);
      System.exit(0);
      return;
    }
    if (args.length > 0 && args[0].strip().equals("llm")) {
      io.greenlang.benchmarks.llm.LlmGatewayBenchmark.run(args, out);
      System.exit(0);
      return;
    }
    BenchmarkOptions options;
    try {
      options = BenchmarkOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    // A phase whose Tenants never all became Ready is a result, not a failure of the command: the
    // report says so with its evidence. Only a benchmark that could not run exits non-zero.
    switch (options.benchmark()) {
      case "tenants" -> new TenantBenchmark(options, out).run();
      case "dataplane" -> new DataPlaneBenchmark(options, out).run();
      default -> {
        System.err.println(
            "Unknown benchmark " + options.benchmark() + "\n" + BenchmarkOptions.USAGE);
        System.exit(2);
        return;
      }
    }
    System.exit(0);
  }
}
