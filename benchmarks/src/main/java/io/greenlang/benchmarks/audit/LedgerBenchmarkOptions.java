package io.greenlang.benchmarks.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options of the ledger benchmark ({@code -Dbenchmark=ledger -Dbenchmark.args="..."}). */
record LedgerBenchmarkOptions(
    int sequentialAppends,
    int concurrentAppends,
    int threads,
    int tenants,
    int appendsPerTenant,
    int batchSize,
    int batchedAppends,
    int verifyEntries,
    Path report) {

  static final String USAGE =
      """
      Usage: benchmark ledger [options]
        --sequential-appends=N   one tenant, one connection, one append at a time (default 2000)
        --concurrent-appends=N   one tenant, --threads connections appending at once (default 5000)
        --threads=N              connections appending to the one tenant (default 16)
        --tenants=N              tenants appending in parallel, one connection each (default 16)
        --appends-per-tenant=N   appends of each of those tenants (default 2000)
        --batch-size=N           entries per transaction in the batched phase (default 100)
        --batched-appends=N      entries appended in batches to one tenant (default 20000)
        --verify-entries=N       length of the chain verified (default 1000000)
        --report=FILE            Markdown report (default: benchmarks/target/ledger-benchmark.md)
      """;

  static LedgerBenchmarkOptions parse(String[] args, Path root) {
    int sequential = 2_000;
    int concurrent = 5_000;
    int threads = 16;
    int tenants = 16;
    int perTenant = 2_000;
    int batchSize = 100;
    int batched = 20_000;
    int verify = 1_000_000;
    Path report = root.resolve("benchmarks/target/ledger-benchmark.md");
    List<String> split = new ArrayList<>();
    for (String arg : args) {
      for (String part : arg.strip().split("\\s+")) {
        if (!part.isBlank()) {
          split.add(part);
        }
      }
    }
    for (String arg : split.subList(1, split.size())) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.startsWith("--sequential-appends=")) {
        sequential = positive(arg, value);
      } else if (arg.startsWith("--concurrent-appends=")) {
        concurrent = positive(arg, value);
      } else if (arg.startsWith("--threads=")) {
        threads = positive(arg, value);
      } else if (arg.startsWith("--tenants=")) {
        tenants = positive(arg, value);
      } else if (arg.startsWith("--appends-per-tenant=")) {
        perTenant = positive(arg, value);
      } else if (arg.startsWith("--batch-size=")) {
        batchSize = positive(arg, value);
      } else if (arg.startsWith("--batched-appends=")) {
        batched = positive(arg, value);
      } else if (arg.startsWith("--verify-entries=")) {
        verify = positive(arg, value);
      } else if (arg.startsWith("--report=")) {
        report = Path.of(value);
      } else {
        throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
      }
    }
    return new LedgerBenchmarkOptions(
        sequential, concurrent, threads, tenants, perTenant, batchSize, batched, verify, report);
  }

  private static int positive(String arg, String value) {
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(arg + ": not a whole number\n" + USAGE);
    }
    if (number < 1) {
      throw new IllegalArgumentException(arg + ": must be at least 1");
    }
    return number;
  }
}
