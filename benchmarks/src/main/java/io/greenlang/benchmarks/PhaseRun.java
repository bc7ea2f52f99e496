package io.greenlang.benchmarks;

import io.greenlang.crds.tenant.Tenant;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
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
 * One phase on a fresh control plane: create the Tenants, wait until all are Ready, change a sample
 * of specs, measure the operator's heap, and collect the evidence if anything went wrong.
 */
final class PhaseRun {
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
  private static final int EVIDENCE_GROUPS = 10;

  private final BenchmarkOptions options;
  private final Path operatorApplication;
  private final PrintStream out;

  PhaseRun(BenchmarkOptions options, Path operatorApplication, PrintStream out) {
    this.options = options;
    this.operatorApplication = operatorApplication;
    this.out = out;
  }

  /** What a phase creates: its Tenants, all named {@code tenantPrefix} plus a number. */
  record Plan(
      String name,
      String description,
      int memberClusters,
      String tenantPrefix,
      List<Tenant> tenants) {}

  /** Runs the phase on a fresh control plane and a throwaway shared database. */
  PhaseResult run(Plan plan) throws Exception {
    return withTenantData(plan, (sharedDatabase, names) -> measure(plan, sharedDatabase, names));
  }

  /** What a phase measures, given the shared database's name and the names of its Tenants. */
  interface Measurement<T> {
    T measure(String sharedDatabase, List<String> tenantNames) throws Exception;
  }

  /**
   * Runs {@code measurement} with a throwaway shared database; afterwards, with the operator
   * stopped, drops every database, role and Redis user the plan's Tenants got.
   */
  <T> T withTenantData(Plan plan, Measurement<T> measurement) throws Exception {
    TestDatabase sharedDatabase = TestPostgres.createDatabase();
    List<String> names = plan.tenants().stream().map(t -> t.getMetadata().getName()).toList();
    // Also on Ctrl-C or kill: the Tenants' databases, roles and Redis users must not outlive us.
    Thread cleanupOnExit =
        new Thread(() -> dropTenantData(plan, sharedDatabase, names), "benchmark-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    try {
      return measurement.measure(sharedDatabase.name(), names);
    } finally {
      Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
      dropTenantData(plan, sharedDatabase, names);
    }
  }

  private void dropTenantData(Plan plan, TestDatabase sharedDatabase, List<String> names) {
    var cleanup =
        TenantDataCleanup.drop(
            TestPostgres.server(),
            TestRedis.server(),
            sharedDatabase,
            names,
            "t:" + plan.tenantPrefix() + "*");
    out.printf(
        "[%s] dropped the data of %d Tenants (%d Redis keys)%s%n",
        plan.name(),
        cleanup.tenants(),
        cleanup.redisKeys(),
        cleanup.failures().isEmpty()
            ? ""
            : "; could not drop: " + String.join("; ", cleanup.failures()));
  }

  private PhaseResult measure(Plan plan, String sharedDatabase, List<String> names)
      throws Exception {
    String name = plan.name();
    List<Tenant> tenants = plan.tenants();
    Path log = options.workDir().resolve("operator-" + name + ".log");
    out.printf("%n[%s] %s%n", name, plan.description());
    try (ControlPlane plane =
            ControlPlane.start(
                plan.memberClusters(),
                sharedDatabase,
                operatorApplication,
                options.operatorHeap(),
                log);
        TenantStatusRecorder recorder = TenantStatusRecorder.start(plane.client());
        ApiLatencySampler apiLatency = ApiLatencySampler.start(plane.client());
        ApiRequestCounter requestCounter = ApiRequestCounter.start(plane.apiServers())) {
      OperatorProcess operator = plane.operator();
      out.printf(
          "[%s] API server %s, operator pid %d at %s (log %s)%n",
          name, plane.apiUrl(), operator.pid(), operator.httpUrl(), log);
      apiLatency.takeLatencies();
      ReconcileCounters countersBefore = counters(operator);
      long statusWritesBefore = recorder.statusWrites();
      ResourceUsageMeter meter = ResourceUsageMeter.start(operator, requestCounter);

      long start = System.nanoTime();
      var creation =
          new TenantCreator(plane.client(), options.creationThreads())
              .createAll(tenants, options.readyTimeout());
      out.printf(
          "[%s] created %d/%d Tenants in %s (%.0f/s, %d threads)%n",
          name,
          creation.created(),
          creation.requested(),
          Durations.format(creation.elapsed()),
          creation.perSecond(),
          options.creationThreads());
      List<String> problems = new ArrayList<>();
      OptionalLong lastReady = awaitReady(name, recorder, names, operator, start, problems);
      long end = lastReady.orElse(System.nanoTime());
      ReconcileCounters reconciles = counters(operator).minus(countersBefore);
      long statusWrites = recorder.statusWrites() - statusWritesBefore;
      ResourceUsageMeter.Usage usage = meter.stop();
      LatencyDistribution apiWhileCreating = apiLatency.takeLatencies();
      int readyCount = recorder.readyCount(names);
      out.printf(
          "[%s] %d/%d Ready after %s%n",
          name, readyCount, names.size(), Durations.format(Duration.ofNanos(end - start)));

      creation.failures().stream().limit(EVIDENCE_GROUPS).forEach(f -> problems.add("create " + f));
      problems.addAll(NotReadyEvidence.describe(recorder.notReadyNow(names), EVIDENCE_GROUPS));

      List<String> sample =
          TenantBlueprints.evenSample(tenants, options.specChanges()).stream()
              .filter(n -> recorder.readyCount(List.of(n)) == 1)
              .toList();
      out.printf(
          "[%s] changing the spec of %d Tenants, %.0f per second%n",
          name, sample.size(), options.specChangesPerSecond());
      var changes =
          new SpecChangeStream(plane.client(), recorder)
              .run(sample, options.specChangesPerSecond(), options.specChangeTimeout());
      changes.problems().stream().limit(EVIDENCE_GROUPS).forEach(problems::add);
      LatencyDistribution apiWhileChanging = apiLatency.takeLatencies();
      Map<String, Long> tenantEvents = EventSummary.tenantEventsByReason(plane.client());

      OperatorHeap.AfterFullGc heap;
      if (operator.isAlive()) {
        heap = OperatorHeap.measure(operator);
        Files.writeString(
            options.workDir().resolve("metrics-" + name + ".prom"), operator.scrapeMetrics());
      } else {
        heap = OperatorHeap.AfterFullGc.UNKNOWN;
        problems.add("the operator process exited; last log lines:\n" + operator.tail(30));
      }
      if (apiLatency.failures() > 0) {
        problems.add(apiLatency.failures() + " GETs of the Region failed during the phase");
      }
      return new PhaseResult(
          name,
          plan.description(),
          creation,
          options.creationThreads(),
          Duration.ofNanos(end - start),
          lastReady.isPresent(),
          readyCount,
          recorder.readyMilestones(names, start, 50, 90, 99, 100),
          reconciles,
          statusWrites,
          changes,
          heap,
          apiWhileCreating,
          apiWhileChanging,
          usage,
          tenantEvents,
          OperatorLogSummary.read(log),
          problems);
    }
  }

  /**
   * Waits until every Tenant has been Ready once, printing progress; gives up at the phase's
   * timeout, when no Tenant became Ready for the stall timeout, or when the operator exited, and
   * says which in {@code problems}.
   */
  OptionalLong awaitReady(
      String phase,
      TenantStatusRecorder recorder,
      List<String> names,
      OperatorProcess operator,
      long start,
      List<String> problems)
      throws InterruptedException {
    long deadline = start + options.readyTimeout().toNanos();
    int lastCount = -1;
    long lastProgress = System.nanoTime();
    while (true) {
      Duration slice =
          Duration.ofNanos(Math.min(PROGRESS_INTERVAL.toNanos(), deadline - System.nanoTime()));
      OptionalLong last = recorder.awaitAllReady(names, slice.isNegative() ? Duration.ZERO : slice);
      if (last.isPresent()) {
        return last;
      }
      int count = recorder.readyCount(names);
      long now = System.nanoTime();
      if (count != lastCount) {
        lastCount = count;
        lastProgress = now;
      }
      String elapsed = Durations.format(Duration.ofNanos(now - start));
      if (now >= deadline) {
        problems.add(
            "not all Ready within the timeout of %d min: %,d/%,d after %s"
                .formatted(options.readyTimeout().toMinutes(), count, names.size(), elapsed));
        return last;
      }
      if (now - lastProgress >= options.stallTimeout().toNanos()) {
        problems.add(
            "stalled: no further Tenant became Ready for %d min, %,d/%,d Ready after %s"
                .formatted(options.stallTimeout().toMinutes(), count, names.size(), elapsed));
        return last;
      }
      if (!operator.isAlive()) {
        return last;
      }
      out.printf("[%s]   %d/%d Ready after %s%n", phase, count, names.size(), elapsed);
    }
  }

  private static ReconcileCounters counters(OperatorProcess operator)
      throws IOException, InterruptedException {
    return ReconcileCounters.from(PrometheusSample.parse(operator.scrapeMetrics()));
  }
}
