package io.greenlang.benchmarks.calculation;

import io.greenlang.runtime.calculation.Calculator;
import io.greenlang.runtime.calculation.batch.BatchSummary;
import io.greenlang.runtime.calculation.batch.CbamObligationRun;
import io.greenlang.runtime.catalog.BuiltInCatalog;
import io.greenlang.runtime.catalog.FactorCatalog;
import io.greenlang.runtime.catalog.FactorTable;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Batch calculation throughput with provenance for CBAM import lines ({@code
 * -Dbenchmark=calculations}): a deterministic CSV of N lines (1,000,000 by default) run as one
 * certificate-obligation run (every line a result with canonical provenance, SHA-256 and chain
 * link; the obligation closing the chain) in memory on one thread and on all cores, then stored
 * into PostgreSQL as a tenant and verified from there.
 */
public final class CalculationBenchmark {

  /** The name {@code -Dbenchmark=} selects. */
  public static final String NAME = "calculations";

  private static final String CODE_VERSION = "benchmark";

  private final CalculationBenchmarkOptions options;
  private final PrintStream out;

  private CalculationBenchmark(CalculationBenchmarkOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** Runs the benchmark with the arguments after its name; returns the process exit code. */
  public static int run(String[] args, Path projectRoot, PrintStream out) throws Exception {
    CalculationBenchmarkOptions options;
    try {
      options = CalculationBenchmarkOptions.parse(args, projectRoot);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    new CalculationBenchmark(options, out).run();
    return 0;
  }

  private void run() throws Exception {
    StringBuilder report = new StringBuilder();
    long start = System.nanoTime();
    Path lines = ImportLineFile.ensure(options.workDir(), options.rows());
    report.append(
        String.format(
            Locale.ROOT,
            "Input: %,d CBAM import lines, %s (%,d MB, seed %d; generated or reused in %s s)%n%n",
            options.rows(),
            lines.getFileName(),
            Files.size(lines) / 1_000_000,
            ImportLineFile.SEED,
            seconds(System.nanoTime() - start).setScale(1, RoundingMode.HALF_UP).toPlainString()));
    report.append(
        "| phase | threads | rows | results | row errors | seconds | rows/s | root hash |\n"
            + "|---|---|---|---|---|---|---|---|\n");
    Calculator calculator = new Calculator(CODE_VERSION);
    if (options.phases().contains(CalculationBenchmarkOptions.COMPUTE)) {
      // A short warm-up so the figures are of compiled code, not of the interpreter.
      inMemory(ImportLineFile.ensure(options.workDir(), 20_000), calculator, false);
      report.append(row("in memory", "1", inMemory(lines, calculator, false)));
      report.append(
          row(
              "in memory",
              Integer.toString(ForkJoinPool.getCommonPoolParallelism() + 1),
              inMemory(lines, calculator, true)));
    }
    if (options.phases().contains(CalculationBenchmarkOptions.STORE)) {
      StoredRunPhase.Figures stored = StoredRunPhase.run(lines, calculator);
      report.append(
          row(
              "stored in PostgreSQL",
              Integer.toString(ForkJoinPool.getCommonPoolParallelism() + 1),
              new Timed(stored.summary(), stored.storeNanos(), 0)));
      report.append(
          String.format(
              Locale.ROOT,
              "%nVerification from the database (every result recomputed, chain walked): %,d results in"
                  + " %s s, %,d results/s, verified: %s.%nDatabase size after the run: %,d MB.%n",
              stored.verification().resultsChecked(),
              seconds(stored.verifyNanos()).setScale(1, RoundingMode.HALF_UP).toPlainString(),
              BigDecimal.valueOf(stored.verification().resultsChecked())
                  .divide(seconds(stored.verifyNanos()), 0, RoundingMode.HALF_UP)
                  .longValueExact(),
              stored.verification().verified(),
              stored.databaseBytes() / 1_000_000));
      report.append(
          String.format(
              Locale.ROOT,
              "%nObligation of the run: %s certificates, cost %s EUR.%n",
              stored.summary().obligation().get("certificates").asText(),
              stored.summary().obligation().get("costEur").asText()));
    }
    out.println(report);
    Files.createDirectories(options.report().getParent());
    Files.writeString(options.report(), "# Calculation benchmark (CBAM import lines)\n\n" + report);
    out.println("Report written to " + options.report());
  }

  /** A run and how long it took, and the bytes of provenance it produced. */
  private record Timed(BatchSummary summary, long nanos, long provenanceBytes) {}

  private Timed inMemory(Path lines, Calculator calculator, boolean parallel) throws Exception {
    FactorTable table = BenchmarkTables.table();
    FactorCatalog catalog =
        new FactorCatalog(
            BuiltInCatalog.shipped(),
            (id, version) ->
                id.equals(table.id()) && (version == null || version == table.version())
                    ? Optional.of(table)
                    : Optional.empty());
    CountingSink sink = new CountingSink();
    long start = System.nanoTime();
    BatchSummary summary;
    try (RunInput input = new RunInput(lines)) {
      summary =
          new CbamObligationRun(calculator, catalog, 1000, parallel)
              .run(input.rows(), Json.parse(BenchmarkTables.termsJson()), sink);
    }
    return new Timed(summary, System.nanoTime() - start, sink.provenanceBytes);
  }

  private static String row(String phase, String threads, Timed timed) {
    BatchSummary summary = timed.summary();
    BigDecimal seconds = seconds(timed.nanos());
    return String.format(
        Locale.ROOT,
        "| %s | %s | %,d | %,d | %,d | %s | %,d | `%s…` |%n",
        phase,
        threads,
        summary.rows(),
        summary.results(),
        summary.errorCount(),
        seconds.setScale(1, RoundingMode.HALF_UP).toPlainString(),
        BigDecimal.valueOf(summary.rows())
            .divide(seconds, 0, RoundingMode.HALF_UP)
            .longValueExact(),
        summary.rootHash().substring(0, 16));
  }

  private static BigDecimal seconds(long nanos) {
    return BigDecimal.valueOf(nanos, 9);
  }
}
