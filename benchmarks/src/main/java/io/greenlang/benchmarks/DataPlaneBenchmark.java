package io.greenlang.benchmarks;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * How long the operator takes to provision a Tenant end to end (namespace, policies, quota, RBAC,
 * credentials Secret, PostgreSQL role and database, runtime schema, Redis user): one Tenant per
 * isolation level at a time, then 200 Tenants (50 per level) created at once.
 */
final class DataPlaneBenchmark {
  static final int ROUNDS = 3;
  static final int CONCURRENT = 200;

  private final BenchmarkOptions options;
  private final PrintStream out;

  DataPlaneBenchmark(BenchmarkOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  void run() throws Exception {
    Files.createDirectories(options.workDir());
    String prefix = "dp" + HexFormat.of().formatHex(randomBytes());
    var blueprints = new TenantBlueprints(prefix);
    List<Tenant> single = blueprints.mixed(4 * ROUNDS, BenchmarkRegion.memberNames(1));
    List<Tenant> burst =
        new TenantBlueprints(prefix + "c").mixed(CONCURRENT, BenchmarkRegion.memberNames(1));
    List<String> names = new ArrayList<>();
    single.forEach(t -> names.add(t.getMetadata().getName()));
    burst.forEach(t -> names.add(t.getMetadata().getName()));
    TestDatabase shared = TestPostgres.createDatabase();
    StringBuilder report = new StringBuilder();
    try (ControlPlane plane =
            ControlPlane.start(
                1,
                shared.name(),
                OperatorApplicationCopy.copy(
                    options.operatorApplication(),
                    options.workDir().resolve("operator-app-dataplane")),
                options.operatorHeap(),
                options.workDir().resolve("operator-dataplane.log"));
        TenantStatusRecorder recorder = TenantStatusRecorder.start(plane.client())) {
      report.append(oneAtATime(plane.client(), recorder, single));
      report.append(concurrently(plane.client(), recorder, burst));
    } finally {
      TenantDataCleanup.drop(
          TestPostgres.server(), TestRedis.server(), shared, names, "t:" + prefix + "*");
    }
    out.println(report);
    Path file = options.workDir().resolveSibling("dataplane-benchmark.md");
    Files.writeString(file, "# Tenant data-plane provisioning benchmark\n\n" + report);
    out.println("Report written to " + file);
  }

  private String oneAtATime(
      KubernetesClient client, TenantStatusRecorder recorder, List<Tenant> tenants)
      throws InterruptedException {
    StringBuilder table =
        new StringBuilder(
            "## One Tenant at a time, create to Ready (ms), "
                + ROUNDS
                + " rounds\n\n"
                + "| isolation | round 1 | round 2 | round 3 | median |\n|---|---|---|---|---|\n");
    long[][] millis = new long[4][ROUNDS];
    for (int i = 0; i < tenants.size(); i++) {
      Tenant tenant = tenants.get(i);
      long start = System.nanoTime();
      client.resource(tenant).create();
      String name = tenant.getMetadata().getName();
      OptionalLong ready = recorder.awaitAllReady(List.of(name), Duration.ofMinutes(2));
      millis[i % 4][i / 4] =
          ready.isPresent() ? TimeUnit.NANOSECONDS.toMillis(ready.getAsLong() - start) : -1;
    }
    for (int level = 0; level < 4; level++) {
      long[] sorted = millis[level].clone();
      java.util.Arrays.sort(sorted);
      table.append("| ").append(tenants.get(level).getSpec().getIsolation().name().toLowerCase());
      for (long m : millis[level]) {
        table.append(" | ").append(m);
      }
      table.append(" | ").append(sorted[ROUNDS / 2]).append(" |\n");
    }
    return table.append('\n').toString();
  }

  private String concurrently(
      KubernetesClient client, TenantStatusRecorder recorder, List<Tenant> tenants)
      throws InterruptedException {
    var created = new ConcurrentHashMap<String, Long>();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    long start = System.nanoTime();
    for (Tenant tenant : tenants) {
      pool.submit(
          () -> {
            created.put(tenant.getMetadata().getName(), System.nanoTime());
            client.resource(tenant).create();
          });
    }
    pool.shutdown();
    pool.awaitTermination(5, TimeUnit.MINUTES);
    List<String> names = tenants.stream().map(t -> t.getMetadata().getName()).toList();
    OptionalLong last = recorder.awaitAllReady(names, Duration.ofMinutes(20));
    List<Long> perTenant = new ArrayList<>();
    for (String name : names) {
      OptionalLong ready = recorder.readyAt(name, 1);
      if (ready.isPresent()) {
        perTenant.add(TimeUnit.NANOSECONDS.toMillis(ready.getAsLong() - created.get(name)));
      }
    }
    perTenant.sort(Long::compare);
    return "## "
        + CONCURRENT
        + " Tenants created at once (50 per isolation level, 16 threads)\n\n"
        + "| figure | value |\n|---|---|\n"
        + "| Ready | "
        + perTenant.size()
        + " / "
        + names.size()
        + " |\n"
        + "| first create to all Ready | "
        + (last.isPresent()
            ? TimeUnit.NANOSECONDS.toMillis(last.getAsLong() - start) + " ms"
            : "not all Ready")
        + " |\n"
        + "| create to Ready, P50 | "
        + percentile(perTenant, 50)
        + " ms |\n"
        + "| create to Ready, P95 | "
        + percentile(perTenant, 95)
        + " ms |\n"
        + "| create to Ready, max | "
        + percentile(perTenant, 100)
        + " ms |\n\n";
  }

  private static long percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[2];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
