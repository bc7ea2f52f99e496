package io.greenlang.benchmarks.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.agent.AgentTool;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepStreams;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.memory.AgentMemoryStore;
import io.greenlang.runtime.memory.LongTermMemory;
import io.greenlang.runtime.memory.MemoryLimits;
import io.greenlang.runtime.memory.ShortTermMemory;
import io.greenlang.runtime.worker.CanonicalJson;
import io.greenlang.runtime.worker.StepWorker;
import io.greenlang.runtime.worker.StepWorkerFactory;
import io.greenlang.runtime.worker.ToolRegistry;
import io.greenlang.runtime.worker.WorkerSettings;
import io.greenlang.runtime.worker.tools.CsvValidationTool;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The step bus from the worker's side, on loopback Redis and PostgreSQL: sustained steps per second
 * of {@code --workers} step workers draining a backlog, and the worker-side dispatch latency (task
 * published, worker started it, result published) at a steady publishing rate. Every task is the
 * CBAM intake step: {@code validate-csv} over a shipment CSV, its result stored in {@code
 * greenlang.step_results} as the tenant's login role and published on the run's stream.
 */
public final class BusBenchmark {

  private static final String AGENT = "cbam-intake";
  private static final Duration TIMEOUT = Duration.ofMinutes(20);

  private final BusBenchmarkOptions options;
  private final PrintStream out;
  private final String csv;

  private BusBenchmark(BusBenchmarkOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
    this.csv = shipments(options.shipmentLines());
  }

  /** Runs the benchmark with the arguments after its name. */
  public static void run(String[] args, Path projectRoot, PrintStream out) throws Exception {
    BusBenchmarkOptions options =
        BusBenchmarkOptions.parse(BusBenchmarkOptions.split(args), projectRoot);
    new BusBenchmark(options, out).run();
  }

  private void run() throws Exception {
    StringBuilder report = new StringBuilder("# Step bus benchmark (worker side)\n\n");
    report.append(environment());
    try (BusTenant tenant = new BusTenant(options.workers() * 2)) {
      StepWorkerFactory factory = factory(tenant);
      try (StatefulRedisConnection<String, String> connection = tenant.redis.connect()) {
        out.println("Warm-up: 500 tasks");
        drain(tenant, factory, connection, "warm-up", 500);
        out.printf("Throughput: %,d tasks, %d workers%n", options.tasks(), options.workers());
        report.append(throughput(tenant, factory, connection));
        out.printf(
            "Latency: %,d tasks at %d/s, %d workers%n",
            options.latencyTasks(), options.rate(), options.workers());
        report.append(latency(tenant, factory, connection));
      }
    }
    out.println(report);
    Files.createDirectories(options.report().toAbsolutePath().getParent());
    Files.writeString(options.report(), report);
    out.println("Report written to " + options.report());
  }

  private StepWorkerFactory factory(BusTenant tenant) {
    AgentSpec spec = new AgentSpec();
    spec.setTenant(tenant.name);
    AgentTool intake = new AgentTool(CsvValidationTool.NAME);
    intake
        .getConfig()
        .put(
            "columns",
            "shipment_id:text, cn_code:cn-code, country_of_origin:iso-country,"
                + " net_mass_tonnes:positive-decimal, installation:text?");
    spec.getTools().add(intake);
    AgentRuntimeConfiguration agent = new AgentRuntimeConfiguration();
    agent.setTenant(tenant.name);
    agent.setAgent(AGENT);
    agent.setSpec(spec);
    MemoryLimits limits = MemoryLimits.of(null);
    StatefulRedisConnection<String, String> memoryConnection = tenant.redis.connect();
    AgentMemoryStore memory =
        new AgentMemoryStore(
            new ShortTermMemory(memoryConnection, tenant.name, AGENT, limits, Clock.systemUTC()),
            new LongTermMemory(tenant.pool, tenant.name, AGENT, limits),
            limits);
    WorkerSettings settings =
        new WorkerSettings(
            options.workers(),
            Duration.ofSeconds(2),
            Duration.ofSeconds(60),
            Duration.ofSeconds(10),
            5,
            10_000,
            Duration.ofHours(1),
            Duration.ofSeconds(30));
    return new StepWorkerFactory(
        tenant.redis,
        tenant.pool,
        agent,
        new ToolRegistry(List.of(new CsvValidationTool())),
        memory,
        settings,
        new SimpleMeterRegistry(),
        Clock.systemUTC());
  }

  /** Publishes a backlog, starts the workers and times until every result is published. */
  private Duration drain(
      BusTenant tenant,
      StepWorkerFactory factory,
      StatefulRedisConnection<String, String> connection,
      String runUid,
      int count)
      throws Exception {
    publishBacklog(tenant, connection, runUid, count);
    String results = StepStreams.results(tenant.name, runUid);
    List<StepWorker> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < options.workers(); i++) {
      StepWorker worker = factory.create();
      worker.start();
      workers.add(worker);
    }
    long deadline = start + TIMEOUT.toNanos();
    while (connection.sync().xlen(results) < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Not all results within " + TIMEOUT);
      }
      Thread.sleep(20);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    workers.parallelStream().forEach(w -> w.stop(Duration.ofSeconds(10)));
    return elapsed;
  }

  private String throughput(
      BusTenant tenant, StepWorkerFactory factory, StatefulRedisConnection<String, String> redis)
      throws Exception {
    long cpuBefore = processCpuNanos();
    Duration elapsed = drain(tenant, factory, redis, "throughput", options.tasks());
    double seconds = elapsed.toNanos() / 1e9;
    double perSecond = options.tasks() / seconds;
    double benchmarkCores = (processCpuNanos() - cpuBefore) / 1e9 / seconds;
    out.printf("  %.0f steps/s over %.1f s%n", perSecond, seconds);
    return """
        ## Sustained steps per second

        %,d tasks published as a backlog, then %d workers started; timed from the start of the
        workers until the last result was on the run's result stream.

        | figure | value |
        |---|---|
        | steps per second | %.0f |
        | elapsed | %.1f s |
        | CPU of the benchmark JVM (workers, tool, clients) | %.2f cores |
        | load average after the phase | %s |

        """
        .formatted(
            options.tasks(), options.workers(), perSecond, seconds, benchmarkCores, loadAverage());
  }

  private String latency(
      BusTenant tenant, StepWorkerFactory factory, StatefulRedisConnection<String, String> redis)
      throws Exception {
    String runUid = "latency";
    String results = StepStreams.results(tenant.name, runUid);
    Map<String, Long> published = new ConcurrentHashMap<>();
    Map<String, long[]> seen = new ConcurrentHashMap<>();
    List<StepWorker> workers = new ArrayList<>();
    for (int i = 0; i < options.workers(); i++) {
      StepWorker worker = factory.create();
      worker.start();
      workers.add(worker);
    }
    Thread reader = resultReader(tenant, results, seen, options.latencyTasks());
    long periodNanos = TimeUnit.SECONDS.toNanos(1) / options.rate();
    long next = System.nanoTime();
    for (int i = 0; i < options.latencyTasks(); i++) {
      while (System.nanoTime() < next) {
        Thread.onSpinWait();
      }
      StepTask task = task(tenant.name, runUid, i);
      String payload = CanonicalJson.MAPPER.writeValueAsString(task);
      published.put(task.taskId(), System.currentTimeMillis());
      redis
          .sync()
          .xadd(StepStreams.tasks(tenant.name, AGENT), Map.of(StepStreams.PAYLOAD_FIELD, payload));
      next += periodNanos;
    }
    reader.join(TIMEOUT.toMillis());
    workers.parallelStream().forEach(w -> w.stop(Duration.ofSeconds(10)));

    int n = seen.size();
    long[] toStart = new long[n];
    long[] running = new long[n];
    long[] toPublished = new long[n];
    long[] total = new long[n];
    int i = 0;
    for (Map.Entry<String, long[]> entry : seen.entrySet()) {
      long publishedAt = published.get(entry.getKey());
      long[] t = entry.getValue();
      toStart[i] = t[0] - publishedAt;
      running[i] = t[1] - t[0];
      toPublished[i] = t[2] - t[1];
      total[i] = t[2] - publishedAt;
      i++;
    }
    Percentiles all = Percentiles.of(total);
    out.printf("  publish to result P50 %d ms, P95 %d ms%n", all.p50(), all.p95());
    return """
        ## Worker-side dispatch latency

        %,d tasks published one at a time at %d per second to %d idle workers (reading with
        XREADGROUP BLOCK); a reader on the run's result stream (XREAD BLOCK) notes when each result
        arrives. Times in ms, from the publisher's clock (before XADD), the result's
        startedEpochMillis and completedEpochMillis (the worker's clock, the same machine) and the
        reader's clock.

        | stretch | P50 | P95 | P99 | max |
        |---|---|---|---|---|
        %s%s%s%s
        """
        .formatted(
            n,
            options.rate(),
            options.workers(),
            Percentiles.of(toStart).row("published → worker started the step"),
            Percentiles.of(running).row("started → tool finished (validate-csv)"),
            Percentiles.of(toPublished).row("tool finished → result stored and published"),
            all.row("**published → result on the run's stream**"));
  }

  /** Notes, per task, when the worker started and finished it and when its result arrived. */
  private Thread resultReader(
      BusTenant tenant, String stream, Map<String, long[]> seen, int expected) {
    Thread reader =
        new Thread(
            () -> {
              try (StatefulRedisConnection<String, String> connection = tenant.redis.connect()) {
                String last = "0-0";
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (seen.size() < expected && System.nanoTime() < deadline) {
                  List<StreamMessage<String, String>> entries =
                      connection
                          .sync()
                          .xread(
                              XReadArgs.Builder.block(Duration.ofSeconds(1)),
                              XReadArgs.StreamOffset.from(stream, last));
                  long arrived = System.currentTimeMillis();
                  for (StreamMessage<String, String> entry : entries) {
                    last = entry.getId();
                    StepResult result = result(entry.getBody().get(StepStreams.PAYLOAD_FIELD));
                    seen.putIfAbsent(
                        result.taskId(),
                        new long[] {
                          result.startedEpochMillis(), result.completedEpochMillis(), arrived
                        });
                  }
                }
              }
            },
            "bus-benchmark-results");
    reader.start();
    return reader;
  }

  private void publishBacklog(
      BusTenant tenant,
      StatefulRedisConnection<String, String> connection,
      String runUid,
      int count)
      throws Exception {
    var async = connection.async();
    List<RedisFuture<String>> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pending.add(
          async.xadd(
              StepStreams.tasks(tenant.name, AGENT),
              Map.of(
                  StepStreams.PAYLOAD_FIELD,
                  CanonicalJson.MAPPER.writeValueAsString(task(tenant.name, runUid, i)))));
      if (pending.size() == 1000) {
        for (RedisFuture<String> future : pending) {
          future.get(30, TimeUnit.SECONDS);
        }
        pending.clear();
      }
    }
    for (RedisFuture<String> future : pending) {
      future.get(30, TimeUnit.SECONDS);
    }
  }

  private StepTask task(String tenant, String runUid, int index) {
    String step = "intake-" + index;
    return new StepTask(
        StepTask.taskId(runUid, step, 1, false),
        tenant,
        "gl-shared",
        "cbam-" + runUid,
        runUid,
        step,
        1,
        AGENT,
        CsvValidationTool.NAME,
        Map.of("csv", csv),
        false,
        System.currentTimeMillis() + TIMEOUT.toMillis());
  }

  private static StepResult result(String payload) {
    try {
      return CanonicalJson.MAPPER.readValue(payload, StepResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A shipment CSV with the columns of the CBAM intake step. */
  private static String shipments(int lines) {
    String[][] goods = {
      {"7208 51 20", "CN", "Baotou Steel"}, {"76011000", "IN", ""}, {"2523.29.00", "TR", "Akçansa"}
    };
    StringBuilder csv =
        new StringBuilder("shipment_id,cn_code,country_of_origin,net_mass_tonnes,installation\n");
    for (int i = 0; i < lines; i++) {
      String[] good = goods[i % goods.length];
      csv.append("S-%04d,%s,%s,%d.%03d,%s%n".formatted(i, good[0], good[1], 10 + i, i, good[2]));
    }
    return csv.toString();
  }

  private String environment() {
    return "- Date: %s%n- Machine: %d cores, JVM %s%n- Redis and PostgreSQL on loopback; %d step"
            .formatted(
                Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version"),
                options.workers())
        + " workers in the benchmark JVM (the worker classes of agent-runtime, without Quarkus),"
        + " PostgreSQL as the tenant's login role (row-level security on)\n"
        + "- Each task: validate-csv over %d shipment lines%n".formatted(options.shipmentLines())
        + "- Load average at the start (1/5/15 min): %s%n%n".formatted(loadAverage());
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return fields[0] + " / " + fields[1] + " / " + fields[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static long processCpuNanos() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getProcessCpuTime();
  }
}
