package io.greenlang.benchmarks;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.crds.tenant.TenantTier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Phase {@value TenantBenchmark#AGENTS} (issue 7): logical Tenants of tier starter, all Ready, then
 * a number of Agents per Tenant in the shared namespace; measures until every Agent's Deployment
 * exists and its status says so (phase {@code INITIALIZING}: the mock API server has no kubelet, so
 * no pod ever becomes ready), then the operator's heap with all of them in its caches.
 */
final class AgentPhaseRun {
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
  private static final int EVIDENCE_GROUPS = 10;
  private static final String CONTROLLER = "agent";

  private final BenchmarkOptions options;
  private final Path operatorApplication;
  private final PrintStream out;

  AgentPhaseRun(BenchmarkOptions options, Path operatorApplication, PrintStream out) {
    this.options = options;
    this.operatorApplication = operatorApplication;
    this.out = out;
  }

  /** Runs the phase on a fresh control plane; the Tenants' data is dropped afterwards. */
  AgentPhaseResult run(String tenantPrefix) throws Exception {
    List<Tenant> tenants =
        new TenantBlueprints(tenantPrefix).logical(options.agentTenants(), TenantTier.STARTER);
    String description =
        "%,d Agents, %d for each of %,d logical Tenants (tier starter), in %s"
            .formatted(
                options.agentTenants() * options.agentsPerTenant(),
                options.agentsPerTenant(),
                options.agentTenants(),
                TenantNames.SHARED_NAMESPACE);
    var plan = new PhaseRun.Plan(TenantBenchmark.AGENTS, description, 0, tenantPrefix, tenants);
    PhaseRun phaseRun = new PhaseRun(options, operatorApplication, out);
    return phaseRun.withTenantData(
        plan, (sharedDatabase, names) -> measure(phaseRun, plan, sharedDatabase, names));
  }

  private AgentPhaseResult measure(
      PhaseRun phaseRun, PhaseRun.Plan plan, String sharedDatabase, List<String> tenantNames)
      throws Exception {
    String name = plan.name();
    String loadBefore = loadAverage();
    Path log = options.workDir().resolve("operator-" + name + ".log");
    out.printf("%n[%s] %s (load average %s)%n", name, plan.description(), loadBefore);
    try (ControlPlane plane =
            ControlPlane.start(
                0, sharedDatabase, operatorApplication, options.operatorHeap(), log);
        TenantStatusRecorder tenantRecorder = TenantStatusRecorder.start(plane.client());
        AgentStatusRecorder agentRecorder =
            AgentStatusRecorder.start(plane.client(), TenantNames.SHARED_NAMESPACE);
        ApiRequestCounter requestCounter = ApiRequestCounter.start(plane.apiServers())) {
      OperatorProcess operator = plane.operator();
      out.printf("[%s] operator pid %d (log %s)%n", name, operator.pid(), log);
      List<String> problems = new ArrayList<>();

      long tenantStart = System.nanoTime();
      var tenantCreation =
          new TenantCreator(plane.client(), options.creationThreads())
              .createAll(plan.tenants(), options.readyTimeout());
      OptionalLong tenantsReadyAt =
          phaseRun.awaitReady(name, tenantRecorder, tenantNames, operator, tenantStart, problems);
      Duration tenantsElapsed =
          Duration.ofNanos(tenantsReadyAt.orElse(System.nanoTime()) - tenantStart);
      int tenantsReady = tenantRecorder.readyCount(tenantNames);
      out.printf(
          "[%s] %d/%d Tenants Ready after %s%n",
          name, tenantsReady, tenantNames.size(), Durations.format(tenantsElapsed));

      List<Agent> agents = AgentBlueprints.forTenants(plan.tenants(), options.agentsPerTenant());
      List<String> agentNames = agents.stream().map(a -> a.getMetadata().getName()).toList();
      ReconcileCounters countersBefore = counters(operator);
      long statusWritesBefore = agentRecorder.statusWrites();
      ResourceUsageMeter meter = ResourceUsageMeter.start(operator, requestCounter);
      long start = System.nanoTime();
      var agentCreation =
          new TenantCreator(plane.client(), options.creationThreads())
              .createAll(agents, options.readyTimeout());
      out.printf(
          "[%s] created %d/%d Agents in %s (%.0f/s, %d threads)%n",
          name,
          agentCreation.created(),
          agentCreation.requested(),
          Durations.format(agentCreation.elapsed()),
          agentCreation.perSecond(),
          options.creationThreads());
      OptionalLong last =
          awaitWorkloads(name, agentRecorder, agentNames, operator, start, problems);
      long end = last.orElse(System.nanoTime());
      ReconcileCounters reconciles = counters(operator).minus(countersBefore);
      long statusWrites = agentRecorder.statusWrites() - statusWritesBefore;
      ResourceUsageMeter.Usage usage = meter.stop();
      int created = agentRecorder.createdCount(agentNames);
      out.printf(
          "[%s] %d/%d Agents with their workload after %s%n",
          name, created, agentNames.size(), Durations.format(Duration.ofNanos(end - start)));
      tenantCreation.failures().stream()
          .limit(EVIDENCE_GROUPS)
          .forEach(f -> problems.add("create " + f));
      agentCreation.failures().stream()
          .limit(EVIDENCE_GROUPS)
          .forEach(f -> problems.add("create " + f));
      agentRecorder
          .waitingReasons(agentNames, EVIDENCE_GROUPS)
          .forEach(
              (reason, count) -> problems.add("%,d Agents waiting: %s".formatted(count, reason)));

      OperatorHeap.AfterFullGc heap = OperatorHeap.AfterFullGc.UNKNOWN;
      if (operator.isAlive()) {
        heap = OperatorHeap.measure(operator);
        Files.writeString(
            options.workDir().resolve("metrics-" + name + ".prom"), operator.scrapeMetrics());
      } else {
        problems.add("the operator process exited; last log lines:\n" + operator.tail(30));
      }
      Map<String, Long> stored = plane.apiServers().get(0).storedObjects();
      return new AgentPhaseResult(
          plan.description(),
          tenantCreation,
          tenantsElapsed,
          tenantsReady,
          agentCreation,
          Duration.ofNanos(end - start),
          last.isPresent(),
          created,
          agentRecorder.milestones(agentNames, start, 50, 90, 99),
          reconciles,
          statusWrites,
          usage,
          heap,
          stored,
          agentRecorder.phasesNow(),
          loadBefore + " at the start, " + loadAverage() + " at the end",
          OperatorLogSummary.read(log),
          problems);
    }
  }

  /**
   * Waits until every Agent has reported its workload, printing progress; gives up at the timeout,
   * after the stall timeout without progress, or when the operator exited.
   */
  private OptionalLong awaitWorkloads(
      String phase,
      AgentStatusRecorder recorder,
      List<String> names,
      OperatorProcess operator,
      long start,
      List<String> problems)
      throws InterruptedException {
    long deadline = start + options.readyTimeout().toNanos();
    int lastCount = -1;
    long lastProgress = System.nanoTime();
    while (true) {
      long slice = Math.max(0, Math.min(PROGRESS_INTERVAL.toNanos(), deadline - System.nanoTime()));
      OptionalLong last = recorder.awaitAll(names, Duration.ofNanos(slice));
      if (last.isPresent()) {
        return last;
      }
      int count = recorder.createdCount(names);
      long now = System.nanoTime();
      if (count != lastCount) {
        lastCount = count;
        lastProgress = now;
      }
      String elapsed = Durations.format(Duration.ofNanos(now - start));
      if (now >= deadline || now - lastProgress >= options.stallTimeout().toNanos()) {
        problems.add(
            "gave up (%s): %,d/%,d Agents with their workload after %s"
                .formatted(now >= deadline ? "timeout" : "stalled", count, names.size(), elapsed));
        return last;
      }
      if (!operator.isAlive()) {
        return last;
      }
      out.printf(
          "[%s]   %d/%d Agents with their workload after %s, load %s%n",
          phase, count, names.size(), elapsed, loadAverage());
    }
  }

  private static ReconcileCounters counters(OperatorProcess operator)
      throws IOException, InterruptedException {
    return ReconcileCounters.from(
        PrometheusSample.parse(operator.scrapeMetrics()), CONTROLLER, "Agent");
  }

  /** The 1-, 5- and 15-minute load averages of the machine, or "?" off Linux. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
      return fields[0] + " / " + fields[1] + " / " + fields[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "?";
    }
  }
}
