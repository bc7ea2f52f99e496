package io.greenlang.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of the benchmarks: which one to run, how many Tenants, and where the
 * operator application, logs and report are.
 */
record BenchmarkOptions(
    String benchmark,
    List<String> phases,
    int mixedTenants,
    int logicalTenants,
    int agentTenants,
    int agentsPerTenant,
    int memberClusters,
    int creationThreads,
    int specChanges,
    double specChangesPerSecond,
    Duration specChangeTimeout,
    Duration readyTimeout,
    Duration stallTimeout,
    String operatorHeap,
    Path operatorApplication,
    Path workDir,
    Path report) {

  static final String USAGE =
      """
      Usage: benchmark tenants|dataplane [options]   (ledger, llm, bus and calculations have options of their own)
        --phases=mixed,logical     phases to run (default: both; also agents)
        --mixed-tenants=N          Tenants of phase "mixed", a quarter per isolation level (default 1000)
        --logical-tenants=N        Tenants of phase "logical" (default 10000)
        --agent-tenants=N          logical Tenants (tier starter) of phase "agents" (default 1000)
        --agents-per-tenant=N      Agents per Tenant of phase "agents" (default 10, the starter quota)
        --member-clusters=N        member clusters shared by cluster/physical Tenants (default 3)
        --creation-threads=N       concurrent create requests (default 4)
        --spec-changes=N           Tenants whose spec is changed once all are Ready (default 200)
        --spec-change-rate=R       spec changes per second, a steady stream (default 10)
        --spec-change-timeout=MINUTES  after the last change, how long to wait for the rest (default 5)
        --ready-timeout=MINUTES    per phase, from the first create until all are Ready (default 60)
        --stall-timeout=MINUTES    stop waiting when no Tenant became Ready for this long (default 10)
        --operator-heap=SIZE       -Xmx of the operator process (default 512m, as the sandbox)
        --operator-app=FILE        the operator's quarkus-run.jar (default: operator/target/quarkus-app/quarkus-run.jar)
        --work-dir=DIR             logs and the operator snapshot (default: benchmarks/target/tenant-benchmark)
        --report=FILE              Markdown report (default: benchmarks/target/tenant-benchmark.md)
      """;

  static BenchmarkOptions parse(String[] args) {
    Path root = projectRoot();
    String benchmark = null;
    List<String> phases = List.of(TenantBenchmark.MIXED, TenantBenchmark.LOGICAL);
    int mixed = 1000;
    int logical = 10_000;
    int agentTenants = 1000;
    int agentsPerTenant = 10;
    int members = 3;
    int threads = 4;
    int changes = 200;
    double changeRate = 10;
    Duration changeTimeout = Duration.ofMinutes(5);
    Duration timeout = Duration.ofMinutes(60);
    Duration stall = Duration.ofMinutes(10);
    String heap = "512m";
    Path operator = root.resolve("operator/target/quarkus-app/quarkus-run.jar");
    Path work = root.resolve("benchmarks/target/tenant-benchmark");
    Path report = root.resolve("benchmarks/target/tenant-benchmark.md");
    for (String raw : splitArguments(args)) {
      String arg = raw.strip();
      if (!arg.startsWith("--")) {
        if (benchmark != null) {
          throw new IllegalArgumentException("Unexpected argument " + arg + "\n" + USAGE);
        }
        benchmark = arg;
      } else if (arg.startsWith("--phases=")) {
        phases = List.of(value(arg).split(","));
        for (String phase : phases) {
          if (!List.of(TenantBenchmark.MIXED, TenantBenchmark.LOGICAL, TenantBenchmark.AGENTS)
              .contains(phase)) {
            throw new IllegalArgumentException("Unknown phase " + phase + "\n" + USAGE);
          }
        }
      } else if (arg.startsWith("--mixed-tenants=")) {
        mixed = positive(arg);
      } else if (arg.startsWith("--logical-tenants=")) {
        logical = positive(arg);
      } else if (arg.startsWith("--agent-tenants=")) {
        agentTenants = positive(arg);
      } else if (arg.startsWith("--agents-per-tenant=")) {
        agentsPerTenant = positive(arg);
      } else if (arg.startsWith("--member-clusters=")) {
        members = positive(arg);
      } else if (arg.startsWith("--creation-threads=")) {
        threads = positive(arg);
      } else if (arg.startsWith("--spec-changes=")) {
        changes = Integer.parseInt(value(arg));
      } else if (arg.startsWith("--spec-change-rate=")) {
        changeRate = Double.parseDouble(value(arg));
      } else if (arg.startsWith("--spec-change-timeout=")) {
        changeTimeout = Duration.ofMinutes(positive(arg));
      } else if (arg.startsWith("--stall-timeout=")) {
        stall = Duration.ofMinutes(positive(arg));
      } else if (arg.startsWith("--ready-timeout=")) {
        timeout = Duration.ofMinutes(positive(arg));
      } else if (arg.startsWith("--operator-heap=")) {
        heap = value(arg);
      } else if (arg.startsWith("--operator-app=")) {
        operator = Path.of(value(arg));
      } else if (arg.startsWith("--work-dir=")) {
        work = Path.of(value(arg));
      } else if (arg.startsWith("--report=")) {
        report = Path.of(value(arg));
      } else {
        throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
      }
    }
    if (benchmark == null) {
      throw new IllegalArgumentException("Name a benchmark\n" + USAGE);
    }
    return new BenchmarkOptions(
        benchmark,
        phases,
        mixed,
        logical,
        agentTenants,
        agentsPerTenant,
        members,
        threads,
        changes,
        changeRate,
        changeTimeout,
        timeout,
        stall,
        heap,
        operator,
        work,
        report);
  }

  /** Maven passes -Dbenchmark.args as one argument; split it on whitespace. */
  private static List<String> splitArguments(String[] args) {
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

  private static int positive(String arg) {
    int value = Integer.parseInt(value(arg));
    if (value < 1) {
      throw new IllegalArgumentException(arg + ": must be at least 1");
    }
    return value;
  }

  /** The repository root: the gl.project.root property, or the nearest folder with operator/. */
  static Path projectRoot() {
    String configured = System.getProperty("gl.project.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("operator")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    return Path.of("").toAbsolutePath();
  }
}
