package io.greenlang.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.runtime.llm.budget.LedgerKeys;
import io.greenlang.testsupport.llm.LocalLlmServer;
import io.greenlang.testsupport.llm.Reply;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant and agent monthly budgets and the daily token quota, counted in Redis: every call here
 * costs exactly $0.10 (5,000 input tokens at $0.01 and 2,500 output tokens at $0.02 per 1K), so
 * spend crosses 50 %, 80 %, 100 % and 120 % of a $1.00 budget at calls 5, 8, 10 and 12.
 */
class BudgetIT {

  private static final Instant NOVEMBER = Instant.parse("2026-11-10T12:00:30Z");

  private static GatewayFixture fixture;
  private LocalLlmServer server;
  private String tenant;
  private MutableClock clock;
  private SimpleMeterRegistry registry;

  @BeforeAll
  static void fixture() {
    fixture = GatewayFixture.start();
  }

  @AfterAll
  static void closeFixture() {
    fixture.close();
  }

  @BeforeEach
  void server() {
    server = LocalLlmServer.start(LocalLlmServer.Wire.OPENAI);
    server.otherwise(Reply.text("Answer.", 5000, 2500));
    tenant = fixture.newTenant();
    clock = new MutableClock(NOVEMBER);
    registry = new SimpleMeterRegistry();
    fixture.apiKey("main", "sk-test-0123456789");
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private LlmGateway gateway(AgentConfigurations agent) {
    return fixture
        .gateway(
            agent
                .endpoint("openai-eu", LlmProvider.OPENAI, server.url(), "eu-west-1")
                .link("main", "openai-eu", "test-model")
                .build(tenant, "analyst"))
        .clock(clock)
        .meterRegistry(registry)
        .build();
  }

  private static ChatRequest question() {
    return ChatRequest.builder().messages(UserMessage.from("How much?")).build();
  }

  private List<StreamMessage<String, String>> alerts() {
    return fixture.commands().xrange(new LedgerKeys(tenant).alertStream(), Range.create("-", "+"));
  }

  @Test
  void alertsOnceAtEachThresholdBillsOverageAtOneAndAHalfAndStopsAt120Percent() {
    LlmGateway gateway = gateway(new AgentConfigurations().tenantBudget("1.00", true, 20));
    List<LlmResult<ChatResponse>> results = new ArrayList<>();
    List<Integer> alertsAfterEachCall = new ArrayList<>();

    for (int call = 1; call <= 12; call++) {
      results.add(gateway.chat(question()));
      alertsAfterEachCall.add(alerts().size());
    }

    assertThat(alertsAfterEachCall)
        .as("alerts after calls 1..12: 50% at 5, 80% at 8, 100% at 10, 120% at 12")
        .containsExactly(0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4);
    assertThat(alerts())
        .extracting(m -> m.getBody().get("percent") + ":" + m.getBody().get("scope"))
        .containsExactly("50:tenant", "80:tenant", "100:tenant", "120:tenant");
    assertThat(alerts().get(2).getBody())
        .containsEntry("type", "budget.threshold_crossed")
        .containsEntry("period", "2026-11")
        .containsEntry("spent_nano_usd", "1000000000")
        .containsEntry("budget_nano_usd", "1000000000");
    assertThat(
            registry.get("greenlang.llm.budget.alerts").tag("scope", "tenant").counters().stream()
                .mapToDouble(c -> c.count())
                .sum())
        .isEqualTo(4);

    assertThat(results.get(9).billed())
        .as("call 10 ends exactly at the budget")
        .isEqualByComparingTo("0.10");
    assertThat(results.get(10).billed())
        .as("call 11 is overage: 1.5x")
        .isEqualByComparingTo("0.15");
    assertThat(results.get(11).billed()).isEqualByComparingTo("0.15");
    assertThat(fixture.usageCost(tenant, "cost_usd")).isEqualByComparingTo("1.20");
    assertThat(fixture.usageCost(tenant, "billed_usd")).isEqualByComparingTo("1.30");

    assertThatThrownBy(() -> gateway.chat(question()))
        .isInstanceOf(LlmRefusedException.class)
        .hasMessageContaining("monthly LLM budget of tenant " + tenant + " ($1)")
        .hasMessageContaining("spent to 120%")
        .hasMessageContaining("hard stop at 120%")
        .satisfies(
            e -> assertThat(((LlmException) e).kind()).isEqualTo(FailureKind.BUDGET_EXHAUSTED));
    assertThat(server.requestCount()).isEqualTo(12);
    assertThat(alerts()).as("each threshold once a month").hasSize(4);
    assertThat(registry.get("greenlang.llm.budget.spent").tag("scope", "tenant").gauge().value())
        .isEqualTo(1.2);

    clock.set(Instant.parse("2026-12-01T00:00:05Z"));
    assertThat(gateway.chat(question()).cost())
        .as("a new month, a new budget")
        .isEqualByComparingTo("0.10");
    assertThat(fixture.commands().get(new LedgerKeys(tenant).monthSpent(YearMonth.of(2026, 12))))
        .isEqualTo("100000000");
  }

  @Test
  void withoutOverageCallsStopAtTheBudget() {
    LlmGateway gateway = gateway(new AgentConfigurations().tenantBudget("0.30", false, 0));
    for (int call = 0; call < 3; call++) {
      gateway.chat(question());
    }

    assertThatThrownBy(() -> gateway.chat(question()))
        .isInstanceOf(LlmRefusedException.class)
        .hasMessageContaining("spent to 100%")
        .hasMessageContaining(
            "calls stop at 100% (throttle) because the tenant does not allow overage");
    assertThat(server.requestCount()).isEqualTo(3);
    List<Map<String, Object>> usage = fixture.usage(tenant);
    assertThat(usage.get(3))
        .containsEntry("status", "refused")
        .containsEntry("error_kind", "budget_exhausted");
    assertThat(fixture.usageCost(tenant, "billed_usd")).isEqualByComparingTo("0.30");
  }

  @Test
  void anAgentBudgetStopsTheAgentBeforeTheTenant() {
    LlmGateway gateway =
        gateway(new AgentConfigurations().tenantBudget("10.00", false, 0).agentBudget("0.20"));
    gateway.chat(question());
    gateway.chat(question());

    assertThatThrownBy(() -> gateway.chat(question()))
        .isInstanceOf(LlmRefusedException.class)
        .hasMessageContaining("monthly LLM budget of agent analyst ($0.2)");
    assertThat(alerts())
        .extracting(m -> m.getBody().get("scope") + ":" + m.getBody().get("percent"))
        .containsExactly("agent:analyst:50", "agent:analyst:80", "agent:analyst:100");
  }

  @Test
  void theDailyTokenQuotaRefusesOnceUsedUpAndRenewsTheNextDay() {
    // 7,500 tokens per call: 3 calls start below 20,000 tokens.
    LlmGateway gateway = gateway(new AgentConfigurations().tokensPerDay(20_000));
    for (int call = 0; call < 3; call++) {
      gateway.chat(question());
    }

    assertThatThrownBy(() -> gateway.chat(question()))
        .isInstanceOf(LlmRefusedException.class)
        .hasMessageContaining(
            "LLM tokens of tenant " + tenant + " for 2026-11-10 (UTC) are used up")
        .satisfies(
            e ->
                assertThat(((LlmException) e).kind()).isEqualTo(FailureKind.TOKEN_QUOTA_EXHAUSTED));

    clock.advance(Duration.ofDays(1));
    assertThat(gateway.chat(question()).inputTokens()).isEqualTo(5000);
  }

  @Test
  void withoutABudgetSpendIsStillCounted() {
    LlmGateway gateway = gateway(new AgentConfigurations());
    gateway.chat(question());
    gateway.chat(question());

    assertThat(fixture.commands().get(new LedgerKeys(tenant).monthSpent(YearMonth.of(2026, 11))))
        .isEqualTo("200000000");
    assertThat(alerts()).isEmpty();
    assertThat(fixture.usageCost(tenant, "cost_usd")).isEqualByComparingTo(new BigDecimal("0.20"));
  }
}
