package io.greenlang.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.runtime.llm.budget.LedgerKeys;
import io.greenlang.runtime.llm.cost.NanoDollars;
import io.greenlang.runtime.llm.cost.PriceTableFile;
import io.greenlang.runtime.llm.usage.UsageTotals;
import io.greenlang.testsupport.llm.LocalLlmServer;
import io.greenlang.testsupport.llm.Reply;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays 10,000 recorded calls (generated from a fixed seed: three tenants, eight models of five
 * providers at the shipped price table's prices, every day of November 2026, up to 150,000 input
 * and 8,000 output tokens) through the production gateway against local providers that report the
 * recorded token counts, and checks each tenant's monthly total in PostgreSQL and in Redis to the
 * cent, and exactly, against a sum computed here from the providers' published per-million prices.
 */
class CostAccuracyIT {

  private static final int CALLS = 10_000;
  private static final YearMonth MONTH = YearMonth.of(2026, 11);
  private static final Pattern TOKENS = Pattern.compile("replay in=(\\d+) out=(\\d+)");

  /** A model and its list price in US dollars per million tokens, as the provider publishes it. */
  private record Model(
      LlmProvider provider, String name, String inPerMillion, String outPerMillion) {
    boolean embeds() {
      return name.startsWith("text-embedding");
    }
  }

  private static final List<Model> MODELS =
      List.of(
          new Model(LlmProvider.ANTHROPIC, "claude-sonnet-4-5", "3", "15"),
          new Model(LlmProvider.ANTHROPIC, "claude-haiku-4-5", "1", "5"),
          new Model(LlmProvider.ANTHROPIC, "claude-opus-4-1", "15", "75"),
          new Model(LlmProvider.OPENAI, "gpt-4o-mini", "0.15", "0.60"),
          new Model(LlmProvider.OPENAI, "gpt-4.1", "2", "8"),
          new Model(LlmProvider.AZURE_OPENAI, "gpt-4o", "2.50", "10"),
          new Model(LlmProvider.OPENAI, "text-embedding-3-small", "0.02", "0"),
          new Model(LlmProvider.OPENAI_COMPATIBLE, "llama-3.1-8b-instruct", "0", "0"));

  /** One recorded call. */
  private record RecordedCall(
      int tenant, int model, LocalDate day, int inputTokens, int outputTokens) {}

  private static GatewayFixture fixture;
  private static LocalLlmServer anthropic;
  private static LocalLlmServer openAi;

  @BeforeAll
  static void start() {
    fixture = GatewayFixture.start();
    anthropic = LocalLlmServer.start(LocalLlmServer.Wire.ANTHROPIC);
    openAi = LocalLlmServer.start(LocalLlmServer.Wire.OPENAI);
    Reply recorded =
        new Reply.Computed(
            request -> {
              Matcher tokens = TOKENS.matcher(request.toString());
              if (!tokens.find()) {
                throw new IllegalStateException("Not a replayed call: " + request);
              }
              return Reply.text(
                  "ok", Integer.parseInt(tokens.group(1)), Integer.parseInt(tokens.group(2)));
            });
    anthropic.otherwise(recorded);
    openAi.otherwise(recorded);
    for (Model model : MODELS) {
      fixture.apiKey(model.name(), "sk-test-" + model.name());
    }
  }

  @AfterAll
  static void stop() {
    anthropic.close();
    openAi.close();
    fixture.close();
  }

  private static List<RecordedCall> recordedCalls() {
    Random random = new Random(20_261_126L);
    List<RecordedCall> calls = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      int model = random.nextInt(MODELS.size());
      boolean embeds = MODELS.get(model).embeds();
      calls.add(
          new RecordedCall(
              random.nextInt(3),
              model,
              MONTH.atDay(1 + random.nextInt(MONTH.lengthOfMonth())),
              1 + random.nextInt(embeds ? 2_000 : 150_000),
              embeds ? 0 : random.nextInt(8_001)));
    }
    return calls;
  }

  @Test
  void monthlyTotalsOfTenThousandCallsAreExactToTheCent() throws Exception {
    List<RecordedCall> calls = recordedCalls();
    List<String> tenants = List.of(fixture.newTenant(), fixture.newTenant(), fixture.newTenant());
    MutableClock clock = new MutableClock(MONTH.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    Map<String, LlmGateway> gateways = new HashMap<>();
    for (int t = 0; t < tenants.size(); t++) {
      for (int m = 0; m < MODELS.size(); m++) {
        gateways.put(t + "/" + m, gateway(tenants.get(t), MODELS.get(m), clock));
      }
    }

    // Independently: the published price per million tokens, summed per tenant, BigDecimal.
    Map<String, BigDecimal> expected = new TreeMap<>();
    for (RecordedCall call : calls) {
      Model model = MODELS.get(call.model());
      BigDecimal cost =
          new BigDecimal(model.inPerMillion())
              .multiply(BigDecimal.valueOf(call.inputTokens()))
              .add(
                  new BigDecimal(model.outPerMillion())
                      .multiply(BigDecimal.valueOf(call.outputTokens())))
              .divide(BigDecimal.valueOf(1_000_000));
      expected.merge(tenants.get(call.tenant()), cost, BigDecimal::add);
    }

    Map<LocalDate, List<RecordedCall>> byDay = new TreeMap<>();
    calls.forEach(call -> byDay.computeIfAbsent(call.day(), d -> new ArrayList<>()).add(call));
    ExecutorService callers = Executors.newFixedThreadPool(12);
    try {
      for (Map.Entry<LocalDate, List<RecordedCall>> day : byDay.entrySet()) {
        clock.set(day.getKey().atTime(12, 0).toInstant(ZoneOffset.UTC));
        List<Future<?>> done = new ArrayList<>();
        for (RecordedCall call : day.getValue()) {
          done.add(
              callers.submit(() -> replay(gateways.get(call.tenant() + "/" + call.model()), call)));
        }
        for (Future<?> future : done) {
          future.get();
        }
      }
    } finally {
      callers.shutdownNow();
    }

    List<UsageTotals.Total> months = new UsageTotals(fixture.dataSource).month(MONTH);
    List<UsageTotals.Total> days = new UsageTotals(fixture.dataSource).days(MONTH);
    for (String tenant : tenants) {
      UsageTotals.Total month =
          months.stream().filter(t -> t.tenant().equals(tenant)).findFirst().orElseThrow();
      BigDecimal exact = expected.get(tenant);
      System.out.printf(
          "tenant %s: %d calls, $%s expected, $%s in PostgreSQL%n",
          tenant, month.calls(), exact.toPlainString(), month.cost().toPlainString());
      assertThat(cents(month.cost()))
          .as("monthly total of %s to the cent", tenant)
          .isEqualTo(cents(exact));
      assertThat(month.cost()).as("and exactly").isEqualByComparingTo(exact);
      assertThat(month.billed()).as("no budget, no overage").isEqualByComparingTo(exact);
      long redisNanos =
          Long.parseLong(fixture.commands().get(new LedgerKeys(tenant).monthSpent(MONTH)));
      assertThat(NanoDollars.toUsd(redisNanos))
          .as("the Redis budget counter")
          .isEqualByComparingTo(exact);
      BigDecimal sumOfDays =
          days.stream()
              .filter(d -> d.tenant().equals(tenant))
              .map(UsageTotals.Total::cost)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(sumOfDays).as("the daily totals add up to the month").isEqualByComparingTo(exact);
    }
    assertThat(months.stream().mapToLong(UsageTotals.Total::calls).sum()).isEqualTo(CALLS);
    assertThat(months.stream().mapToLong(UsageTotals.Total::failedOrRefused).sum()).isZero();
  }

  private LlmGateway gateway(String tenant, Model model, MutableClock clock) {
    LocalLlmServer server = model.provider() == LlmProvider.ANTHROPIC ? anthropic : openAi;
    String url =
        switch (model.provider()) {
          case ANTHROPIC -> anthropic.url();
          case AZURE_OPENAI -> openAi.rootUrl();
          default -> openAi.url();
        };
    return fixture
        .gateway(
            new AgentConfigurations()
                .endpoint("endpoint", model.provider(), url, "eu-central-1")
                .link(
                    model.name(),
                    "endpoint",
                    model.name(),
                    8_000,
                    60,
                    model.provider() != LlmProvider.OPENAI_COMPATIBLE)
                .build(tenant, "replay"))
        .prices(PriceTableFile.bundled())
        .clock(clock)
        .build();
  }

  private static void replay(LlmGateway gateway, RecordedCall call) {
    Model model = MODELS.get(call.model());
    if (model.embeds()) {
      // The local server counts a token per 4 characters.
      gateway.embed(model.name(), List.of("a".repeat(4 * call.inputTokens())));
    } else {
      gateway.chat(
          ChatRequest.builder()
              .messages(
                  UserMessage.from(
                      "replay in=" + call.inputTokens() + " out=" + call.outputTokens()))
              .build());
    }
  }

  private static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }
}
