package io.greenlang.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Tenant control-plane benchmark (issue 3): phase {@value #MIXED} creates Tenants across the
 * four isolation levels, phase {@value #LOGICAL} many logical Tenants, phase {@value #AGENTS}
 * (issue 7) Agents of many logical Tenants, each on a fresh API server and operator; prints the
 * figures and writes them as Markdown.
 */
final class TenantBenchmark {
  static final String MIXED = "mixed";
  static final String LOGICAL = "logical";
  static final String AGENTS = "agents";

  private final BenchmarkOptions options;
  private final PrintStream out;

  TenantBenchmark(BenchmarkOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /**
   * Runs the phases and writes the report; true when every Tenant of every phase became Ready and
   * every spec change showed, false when the report lists problems.
   */
  boolean run() throws Exception {
    Files.createDirectories(options.workDir());
    BenchmarkEnvironment environment = BenchmarkEnvironment.describe();
    out.printf(
        "Tenant benchmark: %d cores, %s, operator -Xmx%s%n",
        environment.cores(), environment.jvm(), options.operatorHeap());
    Path application =
        OperatorApplicationCopy.copy(
            options.operatorApplication(), options.workDir().resolve("operator-app"));
    PhaseRun phaseRun = new PhaseRun(options, application, out);
    // A random run id in every Tenant name keeps this run's databases, roles and Redis users apart
    // from those of any other run on the same servers.
    String runId = HexFormat.of().toHexDigits((short) new SecureRandom().nextInt());
    List<PhaseResult> results = new ArrayList<>();
    List<AgentPhaseResult> agentResults = new ArrayList<>();
    for (String phase : options.phases()) {
      String prefix = "bench-" + runId + "-" + phase.charAt(0);
      if (phase.equals(AGENTS)) {
        agentResults.add(new AgentPhaseRun(options, application, out).run(prefix));
        continue;
      }
      TenantBlueprints blueprints = new TenantBlueprints(prefix);
      results.add(
          phaseRun.run(
              phase.equals(MIXED)
                  ? new PhaseRun.Plan(
                      MIXED,
                      mixedDescription(),
                      options.memberClusters(),
                      prefix,
                      blueprints.mixed(
                          options.mixedTenants(),
                          BenchmarkRegion.memberNames(options.memberClusters())))
                  : new PhaseRun.Plan(
                      LOGICAL,
                      "%,d Tenants, isolation logical".formatted(options.logicalTenants()),
                      0,
                      prefix,
                      blueprints.logical(options.logicalTenants()))));
    }
    StringBuilder report = new StringBuilder();
    if (!results.isEmpty()) {
      report.append(new BenchmarkReport(environment, options, results).render());
    }
    agentResults.forEach(
        r -> report.append(AgentPhaseReport.render(environment, options.operatorHeap(), r)));
    out.println();
    out.print(report);
    Files.createDirectories(options.report().toAbsolutePath().getParent());
    Files.writeString(options.report(), report);
    out.printf("%nReport written to %s%n", options.report());
    List<String> incomplete =
        new ArrayList<>(
            results.stream().filter(r -> !r.problems().isEmpty()).map(PhaseResult::name).toList());
    if (agentResults.stream().anyMatch(r -> !r.problems().isEmpty())) {
      incomplete.add(AGENTS);
    }
    if (!incomplete.isEmpty()) {
      out.println(
          "Phases with problems (see the report): "
              + String.join(", ", incomplete)
              + ". The figures above are what was measured until then.");
    }
    return incomplete.isEmpty();
  }

  private String mixedDescription() {
    return String.format(
        "%,d Tenants, a quarter each of logical, database, cluster and physical; cluster and"
            + " physical ones share %d member clusters",
        options.mixedTenants(), options.memberClusters());
  }
}
