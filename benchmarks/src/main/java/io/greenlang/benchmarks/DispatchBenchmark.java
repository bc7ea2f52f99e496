package io.greenlang.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.benchmarks.bus.Percentiles;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.agent.AgentTool;
import io.greenlang.crds.pipeline.Pipeline;
import io.greenlang.crds.pipeline.PipelineParam;
import io.greenlang.crds.pipeline.PipelineSpec;
import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipeline.WorkflowPattern;
import io.greenlang.crds.pipelinerun.PipelineReference;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunSpec;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.pipelinerun.StepStatus;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepStreams;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.crds.tenant.TenantSpec;
import io.greenlang.crds.tenant.TenantStatus;
import io.greenlang.crds.tenant.TenantTier;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Step dispatch latency from the operator's side ({@code -Dbenchmark=dispatch}): the operator as a
 * process, the agent's step workers in this JVM with the tenant's own credentials, and many
 * single-step PipelineRuns of the CBAM intake step. Per run: the operator publishes the task (step
 * startTime), the worker starts and finishes it (the result's times), the operator sees and applies
 * the result (the run's completionTime, written in the pass that read it).
 */
public final class DispatchBenchmark {
  public static final String NAME = "dispatch";
  private static final String AGENT = "cbam-intake";
  private static final Duration WAIT = Duration.ofMinutes(20);
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final DispatchBenchmarkOptions options;
  private final Path root;
  private final PrintStream out;
  private final String tenant = "dispatch-" + hex(4);
  private final String namespace = TenantNames.namespace(tenant);

  private DispatchBenchmark(DispatchBenchmarkOptions options, Path root, PrintStream out) {
    this.options = options;
    this.root = root;
    this.out = out;
  }

  /** Runs the benchmark with the arguments after its name. */
  public static void run(String[] args, Path root, PrintStream out) throws Exception {
    new DispatchBenchmark(DispatchBenchmarkOptions.parse(args, root), root, out).run();
  }

  private void run() throws Exception {
    Files.createDirectories(options.workDir());
    String loadBefore = loadAverage();
    TestDatabase shared = TestPostgres.createDatabase();
    StringBuilder report = new StringBuilder("# Step dispatch benchmark (operator side)\n\n");
    try (ControlPlane plane =
        ControlPlane.start(
            0,
            shared.name(),
            OperatorApplicationCopy.copy(
                options.operatorApplication(root), options.workDir().resolve("operator-app")),
            options.operatorHeap(),
            options.workDir().resolve("operator.log"))) {
      KubernetesClient client = plane.client();
      AgentSpec agent = createTenantAgentAndPipeline(client);
      try (DispatchWorkers workers =
          new DispatchWorkers(credentials(client), tenant, AGENT, agent, options.workers())) {
        out.printf("Warm-up: %d runs one at a time%n", options.warmUp());
        for (int i = 0; i < options.warmUp(); i++) {
          awaitFinished(client, List.of(createRun(client, "warm-up-" + i)));
        }
        out.printf(
            "Measuring: %,d runs at %d per second, %d workers%n",
            options.runs(), options.rate(), options.workers());
        List<String> names = new ArrayList<>();
        long period = 1_000_000_000L / options.rate();
        long next = System.nanoTime();
        for (int i = 0; i < options.runs(); i++) {
          while (System.nanoTime() < next) {
            Thread.sleep(1);
          }
          names.add(createRun(client, "run-" + i));
          next += period;
        }
        List<PipelineRun> done = awaitFinished(client, names);
        report.append(environment(loadBefore));
        report.append(latencies(done));
        report.append(operatorHistogram(plane.operator().scrapeMetrics()));
      }
    } finally {
      TenantDataCleanup.drop(
          TestPostgres.server(), TestRedis.server(), shared, List.of(tenant), "t:" + tenant + ":*");
    }
    out.println(report);
    Files.createDirectories(options.report().toAbsolutePath().getParent());
    Files.writeString(options.report(), report);
    out.println("Report written to " + options.report());
  }

  private AgentSpec createTenantAgentAndPipeline(KubernetesClient client)
      throws InterruptedException {
    TenantSpec spec = new TenantSpec();
    spec.setIsolation(IsolationLevel.DATABASE);
    spec.setRegion(BenchmarkRegion.NAME);
    spec.setTier(TenantTier.ENTERPRISE);
    Tenant created = new Tenant();
    created.getMetadata().setName(tenant);
    created.setSpec(spec);
    client.resource(created).create();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (!ready(client.resources(Tenant.class).withName(tenant).get())) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Tenant " + tenant + " not Ready");
      }
      Thread.sleep(200);
    }
    AgentSpec agentSpec = new AgentSpec();
    AgentTool intake = new AgentTool("validate-csv");
    intake
        .getConfig()
        .put(
            "columns",
            "shipment_id:text, cn_code:cn-code, country_of_origin:iso-country, net_mass_tonnes:positive-decimal");
    agentSpec.getTools().add(intake);
    Agent agent = new Agent();
    agent.getMetadata().setName(AGENT);
    agent.getMetadata().setNamespace(namespace);
    agent.setSpec(agentSpec);
    client.resource(agent).create();
    PipelineStep step = new PipelineStep();
    step.setName("intake");
    step.setAgent(AGENT);
    step.getInputs().put("csv", "${params.csv}");
    PipelineParam csv = new PipelineParam();
    csv.setName("csv");
    csv.setDefaultValue(
        "shipment_id,cn_code,country_of_origin,net_mass_tonnes\n"
            + "S-1,7208 51 20,CN,12.500\nS-2,76011000,IN,3.250\nS-3,2523.29.00,TR,40.000\n");
    PipelineSpec pipelineSpec = new PipelineSpec();
    pipelineSpec.setPattern(WorkflowPattern.SINGLE);
    pipelineSpec.getSteps().add(step);
    pipelineSpec.getParams().add(csv);
    Pipeline pipeline = new Pipeline();
    pipeline.getMetadata().setName("intake");
    pipeline.getMetadata().setNamespace(namespace);
    pipeline.setSpec(pipelineSpec);
    client.resource(pipeline).create();
    return agentSpec;
  }

  private static boolean ready(Tenant tenant) {
    return tenant != null
        && tenant.getStatus() != null
        && tenant.getStatus().condition(TenantStatus.READY).map(c -> c.isTrue()).orElse(false);
  }

  /** The tenant's credentials Secret as the operator wrote it, decoded. */
  private Map<String, String> credentials(KubernetesClient client) {
    Secret secret = client.secrets().inNamespace(namespace).withName("greenlang-credentials").get();
    Map<String, String> data = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) ->
                  data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      data.putAll(secret.getStringData());
    }
    return data;
  }

  private String createRun(KubernetesClient client, String name) {
    PipelineRunSpec spec = new PipelineRunSpec();
    spec.setPipelineRef(new PipelineReference("intake"));
    PipelineRun run = new PipelineRun();
    run.getMetadata().setName(name);
    run.getMetadata().setNamespace(namespace);
    run.setSpec(spec);
    client.resource(run).create();
    return name;
  }

  private List<PipelineRun> awaitFinished(KubernetesClient client, List<String> names)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (true) {
      List<PipelineRun> runs = new ArrayList<>();
      for (String name : names) {
        PipelineRun run =
            client.resources(PipelineRun.class).inNamespace(namespace).withName(name).get();
        if (run == null || run.getStatus() == null || run.getStatus().getCompletionTime() == null) {
          break;
        }
        if (run.getStatus().getPhase() != RunPhase.Succeeded) {
          throw new IllegalStateException(
              "run "
                  + name
                  + " ended "
                  + run.getStatus().getPhase()
                  + ": "
                  + run.getStatus().getConditions());
        }
        runs.add(run);
      }
      if (runs.size() == names.size()) {
        return runs;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            runs.size() + " of " + names.size() + " runs finished within " + WAIT);
      }
      Thread.sleep(200);
    }
  }

  private String latencies(List<PipelineRun> runs) throws Exception {
    int n = runs.size();
    long[] admitted = new long[n];
    long[] toWorker = new long[n];
    long[] tool = new long[n];
    long[] backToOperator = new long[n];
    long[] total = new long[n];
    try (RedisClient redis = RedisClient.create(TestRedis.server().toRedisUri());
        var connection = redis.connect()) {
      for (int i = 0; i < n; i++) {
        PipelineRun run = runs.get(i);
        StepStatus step = run.getStatus().getSteps().get(0);
        long created = Instant.parse(run.getMetadata().getCreationTimestamp()).toEpochMilli();
        long published = Instant.parse(step.getStartTime()).toEpochMilli();
        long seen = Instant.parse(run.getStatus().getCompletionTime()).toEpochMilli();
        List<StreamMessage<String, String>> entries =
            connection
                .sync()
                .xrange(
                    StepStreams.results(tenant, run.getMetadata().getUid()),
                    Range.create("-", "+"));
        StepResult result =
            JSON.readValue(
                entries.get(0).getBody().get(StepStreams.PAYLOAD_FIELD), StepResult.class);
        admitted[i] = Math.max(0, published - created);
        toWorker[i] = result.startedEpochMillis() - published;
        tool[i] = result.completedEpochMillis() - result.startedEpochMillis();
        backToOperator[i] = seen - result.completedEpochMillis();
        total[i] = seen - published;
      }
    }
    Percentiles all = Percentiles.of(total);
    out.printf(
        "  operator published → result seen by the operator: P50 %d ms, P95 %d ms%n",
        all.p50(), all.p95());
    return """
        ## Dispatch latency, %,d single-step runs at %d per second

        Times in ms from the status the operator wrote (the step's startTime when it published the
        task, the run's completionTime in the pass that read the result; both with milliseconds) and
        the worker's startedEpochMillis and completedEpochMillis in the result (the same machine's
        clock). Run creation times have a one-second resolution (truncated), so the first row is
        rough: on average half a second too long.

        | stretch | P50 | P95 | P99 | max |
        |---|---|---|---|---|
        %s%s%s%s%s
        """
        .formatted(
            n,
            options.rate(),
            Percentiles.of(admitted).row("run created → task published (admission, ±1 s)"),
            Percentiles.of(toWorker).row("task published → worker started the step"),
            Percentiles.of(tool)
                .row("worker started → tool finished, result stored (validate-csv, 3 lines)"),
            Percentiles.of(backToOperator).row("result stored and published → operator applied it"),
            all.row("**operator published → result seen by the operator**"));
  }

  /** P50 and P95 of the operator's own histogram, from its Prometheus buckets. */
  private static String operatorHistogram(String metrics) {
    List<double[]> buckets = new ArrayList<>();
    for (String line : metrics.lines().toList()) {
      if (line.startsWith("greenlang_pipelinerun_dispatch_latency_seconds_bucket{")) {
        String le =
            line.substring(line.indexOf("le=\"") + 4, line.indexOf('"', line.indexOf("le=\"") + 4));
        double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
        buckets.add(
            new double[] {bound, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))});
      }
    }
    if (buckets.isEmpty()) {
      return "Operator histogram `greenlang_pipelinerun_dispatch_latency_seconds`: not found.\n";
    }
    double count = buckets.get(buckets.size() - 1)[1];
    return """

        The operator's own histogram `greenlang_pipelinerun_dispatch_latency_seconds` (task published →
        result applied, warm-up runs included; %,.0f samples) puts P50 at or below %s s and P95 at or
        below %s s (upper bounds of the buckets holding them).
        """
        .formatted(count, bucketOf(buckets, count * 0.50), bucketOf(buckets, count * 0.95));
  }

  private static String bucketOf(List<double[]> buckets, double rank) {
    for (double[] bucket : buckets) {
      if (bucket[1] >= rank) {
        return Double.toString(bucket[0]);
      }
    }
    return "+Inf";
  }

  private String environment(String loadBefore) {
    return """
        - Date: %s
        - Machine: %d cores; JVM %s; operator -Xmx%s
        - The operator as a process (prod profile, leader election on) against the fabric8 mock API
          server in the benchmark JVM; PostgreSQL 15 and Redis 7 on loopback
        - %d step workers of agent-runtime (without Quarkus) in the benchmark JVM, as the tenant's
          login role and Redis ACL user; each step is validate-csv over 3 shipment lines, its result
          stored in PostgreSQL before it is published
        - Load average (1/5/15 min) before: %s; after: %s

        """
        .formatted(
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.runtime.version"),
            options.operatorHeap(),
            options.workers(),
            loadBefore,
            loadAverage());
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return fields[0] + " / " + fields[1] + " / " + fields[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
