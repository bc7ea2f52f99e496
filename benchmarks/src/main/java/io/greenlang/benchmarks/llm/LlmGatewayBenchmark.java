package io.greenlang.benchmarks.llm;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.agent.LlmChain;
import io.greenlang.crds.agent.LlmProviderRef;
import io.greenlang.crds.common.SecretKeySelector;
import io.greenlang.crds.region.LlmEndpoint;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.crds.region.RegionCode;
import io.greenlang.crds.region.RegionSpec;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.crds.tenant.TenantBudget;
import io.greenlang.runtime.llm.GatewayOptions;
import io.greenlang.runtime.llm.LlmGateway;
import io.greenlang.runtime.schema.RuntimeSchema;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.greenlang.testsupport.llm.LocalLlmServer;
import io.greenlang.testsupport.llm.Reply;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The LLM gateway's own overhead (issue 5): the latency it adds to a call over the same call made
 * directly with the langchain4j OpenAI client against the same local server, and the requests per
 * second it sustains. The gateway does everything it does in production: Redis admission and
 * settlement (budget, token quota, rate windows), a usage row in PostgreSQL, circuit breaker and
 * retry guards, Prometheus meters.
 *
 * <p>{@code ./mvnw -Pbenchmarks -pl benchmarks -am verify -DskipTests -Dbenchmark=llm
 * -Dbenchmark.args="--calls=5000 --seconds=15 --concurrency=8,32,64"}
 */
public final class LlmGatewayBenchmark {

  private static final String USAGE =
      """
      Usage: benchmark llm [options]
        --calls=N              measured sequential calls per client for the latency comparison (default 5000)
        --warmup=N             unmeasured calls per client first (default 2000)
        --seconds=N            duration of each throughput run (default 15)
        --concurrency=A,B,...  concurrent callers of the throughput runs (default 8,32,64)
        --report=FILE          Markdown report (default: benchmarks/target/llm-gateway-benchmark.md)
      """;

  private static final String MODEL = "gpt-4o-mini";
  private static final String KEY = "sk-benchmark-0123456789";

  private int calls = 5000;
  private int warmup = 2000;
  private int seconds = 15;
  private List<Integer> concurrency = List.of(8, 32, 64);
  private Path report;

  private LlmGatewayBenchmark(Path root) {
    this.report = root.resolve("benchmarks/target/llm-gateway-benchmark.md");
  }

  /** Runs the benchmark named {@code llm} with the remaining arguments as its options. */
  public static void run(String[] args, PrintStream out) throws Exception {
    LlmGatewayBenchmark benchmark =
        new LlmGatewayBenchmark(Path.of(System.getProperty("gl.project.root", ".")));
    benchmark.parse(args);
    benchmark.measure(out);
  }

  private void parse(String[] args) {
    for (String arg : String.join(" ", args).strip().split("\\s+")) {
      if (arg.isBlank() || arg.equals("llm")) {
        continue;
      }
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.startsWith("--calls=")) {
        calls = Integer.parseInt(value);
      } else if (arg.startsWith("--warmup=")) {
        warmup = Integer.parseInt(value);
      } else if (arg.startsWith("--seconds=")) {
        seconds = Integer.parseInt(value);
      } else if (arg.startsWith("--concurrency=")) {
        concurrency = List.of(value.split(",")).stream().map(Integer::parseInt).toList();
      } else if (arg.startsWith("--report=")) {
        report = Path.of(value);
      } else {
        throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
      }
    }
  }

  private void measure(PrintStream out) throws Exception {
    String tenant = "bench" + HexFormat.of().formatHex(randomBytes());
    Path secrets = Files.createTempDirectory("gl-llm-bench");
    Files.createDirectories(secrets.resolve("llm-keys"));
    Files.writeString(secrets.resolve("llm-keys/openai"), KEY);
    TestDatabase database = TestPostgres.createDatabase();
    RedisClient redisClient = RedisClient.create(TestRedis.server().toRedisUri());
    try (LocalLlmServer server = LocalLlmServer.start(LocalLlmServer.Wire.OPENAI, 128);
        StatefulRedisConnection<String, String> redis = redisClient.connect();
        AgroalDataSource dataSource = dataSource(database)) {
      new RuntimeSchema()
          .migrate(database.jdbcUrl(), database.server().username(), database.server().password());
      server.otherwise(Reply.text("Embedded emissions are direct plus indirect.", 50, 20));
      // The registry the runtime's Quarkus Micrometer extension uses (Prometheus simpleclient).
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      GatewayOptions options = GatewayOptions.defaults().withSecretsDirectory(secrets);
      LlmGateway durable =
          LlmGateway.builder()
              .agent(agent(tenant, "durable", server.url()))
              .options(options)
              .redis(redis.sync())
              .dataSource(dataSource)
              .meterRegistry(registry)
              .build();
      LlmGateway asyncCommit =
          LlmGateway.builder()
              .agent(agent(tenant, "async-commit", server.url()))
              .options(options.withUsageWaitForFlush(false))
              .redis(redis.sync())
              .dataSource(dataSource)
              .meterRegistry(registry)
              .build();
      ChatModel direct =
          OpenAiChatModel.builder()
              .baseUrl(server.url())
              .apiKey(KEY)
              .modelName(MODEL)
              .maxCompletionTokens(256)
              .maxRetries(0)
              .build();
      ChatRequest request =
          ChatRequest.builder()
              .messages(UserMessage.from("What are the embedded emissions of a tonne of steel?"))
              .build();
      List<Consumer<ChatRequest>> clients = List.of(direct::chat, durable::chat, asyncCommit::chat);

      out.printf("Warming up: %d calls per client%n", warmup);
      interleaved(
          clients,
          request,
          warmup,
          List.of(new LatencySamples(), new LatencySamples(), new LatencySamples()));
      out.printf("Latency: %d interleaved sequential calls per client%n", calls);
      List<LatencySamples> latency =
          List.of(new LatencySamples(), new LatencySamples(), new LatencySamples());
      interleaved(clients, request, calls, latency);

      List<String> throughput = new ArrayList<>();
      double[] best = new double[clients.size()];
      for (int callers : concurrency) {
        StringBuilder row = new StringBuilder("| " + callers);
        for (int c = 0; c < clients.size(); c++) {
          Throughput run =
              Throughput.run(clients.get(c), request, callers, Duration.ofSeconds(seconds));
          if (run.errors() == 0) {
            best[c] = Math.max(best[c], run.perSecond());
          }
          row.append(
              String.format(
                  Locale.ROOT,
                  " | %.0f | %.1f / %.1f | %d",
                  run.perSecond(),
                  run.latency().percentileMillis(50),
                  run.latency().percentileMillis(99),
                  run.errors()));
        }
        throughput.add(row.append(" |").toString());
        out.println(throughput.get(throughput.size() - 1));
      }
      String markdown = new OverheadReport(warmup, seconds).render(latency, throughput, best);
      out.println(markdown);
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, markdown);
      out.println("Report written to " + report);
    } finally {
      try (StatefulRedisConnection<String, String> redis = redisClient.connect()) {
        List<String> keys = new ArrayList<>();
        ScanIterator.scan(redis.sync(), ScanArgs.Builder.matches("t:" + tenant + ":*").limit(500))
            .forEachRemaining(keys::add);
        if (!keys.isEmpty()) {
          redis.sync().del(keys.toArray(String[]::new));
        }
      }
      redisClient.shutdown();
      database.close();
      Files.deleteIfExists(secrets.resolve("llm-keys/openai"));
      Files.deleteIfExists(secrets.resolve("llm-keys"));
      Files.deleteIfExists(secrets);
    }
  }

  /** Alternates the clients call by call, so all see the same machine load. */
  private static void interleaved(
      List<Consumer<ChatRequest>> clients,
      ChatRequest request,
      int calls,
      List<LatencySamples> latency) {
    for (int i = 0; i < calls; i++) {
      for (int c = 0; c < clients.size(); c++) {
        long start = System.nanoTime();
        clients.get(c).accept(request);
        latency.get(c).add(System.nanoTime() - start);
      }
    }
  }

  private static AgentRuntimeConfiguration agent(String tenant, String agent, String url) {
    LlmEndpoint endpoint = new LlmEndpoint();
    endpoint.setName("openai-eu");
    endpoint.setProvider(LlmProvider.OPENAI);
    endpoint.setUrl(url);
    endpoint.setLocation("eu-central-1");
    RegionSpec region = new RegionSpec();
    region.setCode(RegionCode.EU);
    region.setPrimaryLocation("eu-central-1");
    region.setLlmEndpoints(List.of(endpoint));
    LlmProviderRef link = new LlmProviderRef();
    link.setName("primary");
    link.setEndpoint("openai-eu");
    link.setModel(MODEL);
    link.setMaxTokens(256);
    link.setApiKeySecretRef(new SecretKeySelector("llm-keys", "openai"));
    LlmChain chain = new LlmChain();
    chain.setProviders(List.of(link));
    AgentSpec spec = new AgentSpec();
    spec.setLlm(chain);
    TenantBudget budget = new TenantBudget();
    budget.setMonthlyLimitUsd("1000000.00");
    AgentRuntimeConfiguration configuration = new AgentRuntimeConfiguration();
    configuration.setTenant(tenant);
    configuration.setAgent(agent);
    configuration.setRegion(region);
    configuration.setTenantBudget(budget);
    configuration.setLlmTokensPerDay(100_000_000_000L);
    configuration.setSpec(spec);
    return configuration;
  }

  private static AgroalDataSource dataSource(TestDatabase database) throws Exception {
    return AgroalDataSource.from(
        new AgroalDataSourceConfigurationSupplier()
            .connectionPoolConfiguration(
                pool ->
                    pool.maxSize(32)
                        .connectionFactoryConfiguration(
                            factory -> {
                              factory
                                  .jdbcUrl(database.jdbcUrl())
                                  .principal(new NamePrincipal(database.server().username()));
                              if (database.server().password() != null) {
                                factory.credential(
                                    new SimplePassword(database.server().password()));
                              }
                              return factory;
                            })));
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[4];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
