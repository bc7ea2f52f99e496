package io.greenlang.benchmarks.audit;

import io.greenlang.runtime.schema.audit.AuditChainVerifier;
import io.greenlang.runtime.schema.audit.AuditEvent;
import io.greenlang.runtime.schema.audit.AuditEventType;
import io.greenlang.runtime.schema.audit.AuditLedgerClient;
import io.greenlang.runtime.schema.audit.AuditOutcome;
import io.greenlang.runtime.schema.audit.ChainVerification;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The audit ledger's append and verification rates on real PostgreSQL, appending as tenant login
 * roles through {@link AuditLedgerClient} (the runtime's and the operator's path): one tenant one
 * append at a time, one tenant from many connections at once (appends queue on the chain head), 16
 * tenants in parallel, one tenant in batches, and verifying a chain of a million entries.
 */
public final class LedgerBenchmark {

  /** The name that selects it: {@code -Dbenchmark=ledger}. */
  public static final String NAME = "ledger";

  private final LedgerBenchmarkOptions options;
  private final PrintStream out;
  private final AuditLedgerClient client = new AuditLedgerClient();

  private LedgerBenchmark(LedgerBenchmarkOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** Runs the benchmark; returns the process exit code. */
  public static int run(String[] args, Path projectRoot, PrintStream out) throws Exception {
    LedgerBenchmarkOptions options;
    try {
      options = LedgerBenchmarkOptions.parse(args, projectRoot);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    new LedgerBenchmark(options, out).run();
    return 0;
  }

  private void run() throws Exception {
    List<String> tenants = new ArrayList<>(List.of("single", "concurrent", "batch", "verify"));
    for (int i = 1; i <= options.tenants(); i++) {
      tenants.add(String.format("parallel-%02d", i));
    }
    String before = LedgerEnvironment.loadAverage();
    List<AppendRate> rates = new ArrayList<>();
    StringBuilder verification = new StringBuilder();
    try (LedgerTenants database = LedgerTenants.create(tenants)) {
      out.println("Ledger benchmark on " + database.describe());
      rates.add(sequential(database));
      rates.add(concurrent(database));
      rates.add(parallelTenants(database));
      rates.add(batched(database));
      for (AppendRate rate : rates) {
        out.println(rate.row());
      }
      verification.append(verify(database));
      verification.append(checkChains(database, tenants));
      String report =
          LedgerEnvironment.describe(database, before)
              + "\n## Append rates\n\n"
              + AppendRate.header()
              + "\n"
              + String.join("\n", rates.stream().map(AppendRate::row).toList())
              + "\n\n## Verification\n\n"
              + verification;
      out.println(report);
      Files.createDirectories(options.report().getParent());
      Files.writeString(options.report(), "# Audit ledger benchmark\n\n" + report);
      out.println("Report written to " + options.report());
    }
  }

  private AppendRate sequential(LedgerTenants database) throws Exception {
    long[] latencies = new long[options.sequentialAppends()];
    try (Connection connection = database.connect("single")) {
      long start = System.nanoTime();
      for (int i = 0; i < latencies.length; i++) {
        long begin = System.nanoTime();
        client.append(connection, event("single", i));
        latencies[i] = System.nanoTime() - begin;
      }
      return new AppendRate(
          "1 tenant, 1 connection, one append at a time",
          latencies.length,
          System.nanoTime() - start,
          latencies);
    }
  }

  private AppendRate concurrent(LedgerTenants database) throws Exception {
    int total = options.concurrentAppends();
    long[] latencies = new long[total];
    AtomicInteger next = new AtomicInteger();
    List<String> sameTenant = new ArrayList<>();
    for (int t = 0; t < options.threads(); t++) {
      sameTenant.add("concurrent");
    }
    long elapsed =
        inParallel(
            database,
            sameTenant,
            (index, connection) -> {
              for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                long begin = System.nanoTime();
                client.append(connection, event("concurrent", i));
                latencies[i] = System.nanoTime() - begin;
              }
            });
    return new AppendRate(
        "1 tenant, " + options.threads() + " connections at once", total, elapsed, latencies);
  }

  private AppendRate parallelTenants(LedgerTenants database) throws Exception {
    int perTenant = options.appendsPerTenant();
    long[] latencies = new long[options.tenants() * perTenant];
    List<String> tenants = new ArrayList<>();
    for (int t = 1; t <= options.tenants(); t++) {
      tenants.add(String.format("parallel-%02d", t));
    }
    long elapsed =
        inParallel(
            database,
            tenants,
            (index, connection) -> {
              String tenant = tenants.get(index);
              for (int i = 0; i < perTenant; i++) {
                long begin = System.nanoTime();
                client.append(connection, event(tenant, i));
                latencies[index * perTenant + i] = System.nanoTime() - begin;
              }
            });
    return new AppendRate(
        options.tenants() + " tenants in parallel, 1 connection each",
        latencies.length,
        elapsed,
        latencies);
  }

  private AppendRate batched(LedgerTenants database) throws Exception {
    int batches = Math.max(1, options.batchedAppends() / options.batchSize());
    long[] latencies = new long[batches];
    long start = System.nanoTime();
    try (Connection connection = database.connect("batch")) {
      for (int b = 0; b < batches; b++) {
        List<AuditEvent> batch = new ArrayList<>(options.batchSize());
        for (int i = 0; i < options.batchSize(); i++) {
          batch.add(event("batch", b * options.batchSize() + i));
        }
        long begin = System.nanoTime();
        client.appendAll(connection, batch);
        latencies[b] = System.nanoTime() - begin;
      }
    }
    return new AppendRate(
        "1 tenant, batches of " + options.batchSize() + " per transaction (latency per batch)",
        (long) batches * options.batchSize(),
        System.nanoTime() - start,
        latencies);
  }

  private String verify(LedgerTenants database) throws Exception {
    int entries = options.verifyEntries();
    out.printf("Loading a chain of %,d entries...%n", entries);
    long loadNanos = database.loadChain("verify", entries, out);
    StringBuilder table =
        new StringBuilder(
            String.format(
                "A chain of %,d entries of one tenant (computed with AuditCanonicalForm and loaded"
                    + " with COPY in %.1f s), verified by AuditChainVerifier as the tenant's login"
                    + " role, streaming %d rows per fetch, in one REPEATABLE READ snapshot:%n%n"
                    + "| run | entries | time | rate | result |%n|---|---|---|---|---|%n",
                entries, loadNanos / 1e9, 1_000));
    AuditChainVerifier verifier = new AuditChainVerifier();
    for (int run = 1; run <= 2; run++) {
      try (Connection connection = database.connect("verify")) {
        long start = System.nanoTime();
        ChainVerification result = verifier.verify(connection, "verify");
        long nanos = System.nanoTime() - start;
        String row =
            String.format(
                "| %d | %,d | %.1f s | %,.0f entries/s | %s |",
                run,
                result.entriesChecked(),
                nanos / 1e9,
                result.entriesChecked() / (nanos / 1e9),
                result.intact() ? "intact" : "BROKEN " + result.brokenLink());
        out.println(row);
        table.append(row).append('\n');
      }
    }
    return table.append('\n').toString();
  }

  /** Every chain the phases wrote must verify: a rate of a broken chain would mean nothing. */
  private String checkChains(LedgerTenants database, List<String> tenants) throws SQLException {
    AuditChainVerifier verifier = new AuditChainVerifier();
    long entries = 0;
    List<String> broken = new ArrayList<>();
    for (String tenant : tenants) {
      if (tenant.equals("verify")) {
        continue;
      }
      try (Connection connection = database.connect(tenant)) {
        ChainVerification result = verifier.verify(connection, tenant);
        entries += result.entriesChecked();
        if (!result.intact()) {
          broken.add(tenant + ": " + result.brokenLink().message());
        }
      }
    }
    return String.format(
        "After the append phases, the %d other chains (%,d entries) verify: %s%n",
        tenants.size() - 1, entries, broken.isEmpty() ? "all intact" : "BROKEN " + broken);
  }

  private static AuditEvent event(String tenant, int line) {
    return new AuditEvent(
        tenant,
        "agent:cbam-calculator",
        AuditEventType.CALCULATION_PERFORMED,
        "import-line:" + line,
        AuditOutcome.SUCCESS,
        "{\"formula\":\"cbam.embedded-emissions.simple\",\"line\":"
            + line
            + ",\"net_mass_t\":12.50,\"see_tco2e_per_t\":1.90,\"embedded_tco2e\":23.750}");
  }

  /**
   * Runs {@code work} on one thread per tenant in {@code tenants}, each with a connection as that
   * tenant's role opened beforehand (logging in is not part of the figure); returns the wall time.
   */
  private static long inParallel(LedgerTenants database, List<String> tenants, ConnectedWork work)
      throws Exception {
    List<Connection> connections = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(tenants.size());
    try {
      for (String tenant : tenants) {
        connections.add(database.connect(tenant));
      }
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < tenants.size(); t++) {
        int index = t;
        tasks.add(
            () -> {
              work.run(index, connections.get(index));
              return null;
            });
      }
      long start = System.nanoTime();
      for (Future<Void> future : pool.invokeAll(tasks)) {
        future.get();
      }
      return System.nanoTime() - start;
    } finally {
      pool.shutdownNow();
      for (Connection connection : connections) {
        connection.close();
      }
    }
  }

  /** Work of one thread on its own connection, given its index. */
  @FunctionalInterface
  private interface ConnectedWork {
    void run(int index, Connection connection) throws Exception;
  }
}
