package io.greenlang.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.runtime.llm.budget.LedgerKeys;
import io.greenlang.runtime.llm.cost.NanoDollars;
import io.greenlang.testsupport.llm.LocalLlmServer;
import io.greenlang.testsupport.llm.Reply;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 240 calls released at once race for a budget that pays for about 23 of them. The atomic
 * check-and-reserve in Redis lets the month's spend end below the budget plus one call's cost.
 */
class BudgetConcurrencyIT {

  private static final int CALLS = 240;
  // 19 input tokens at $0.01 and 100 output tokens at $0.02 per 1K. 19 is the gateway's upper
  // bound for the one-message question "Ok?" (16 + 3 bytes), so a call uses all it reserves and
  // the spend can really pass the budget.
  private static final int INPUT_TOKENS = 19;
  private static final BigDecimal CALL_COST = new BigDecimal("0.00219");
  private static final BigDecimal BUDGET = new BigDecimal("0.05");

  private static GatewayFixture fixture;
  private LocalLlmServer server;
  private String tenant;

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
    server = LocalLlmServer.start(LocalLlmServer.Wire.OPENAI, CALLS + 16);
    // The provider takes 50 ms, so that the calls are in flight together, and uses every output
    // token the link allows (100).
    server.otherwise(
        Reply.after(Duration.ofMillis(50), Reply.textUsingAllowedTokens("Yes.", INPUT_TOKENS)));
    tenant = fixture.newTenant();
    fixture.apiKey("main", "sk-test-0123456789");
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void concurrentCallsOvershootTheBudgetByLessThanOneCall() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-10T12:00:00Z"));
    LlmGateway gateway =
        fixture
            .gateway(
                new AgentConfigurations()
                    .endpoint("openai-eu", LlmProvider.OPENAI, server.url(), "eu-west-1")
                    .link("main", "openai-eu", "test-model", 100, 60, true)
                    .tenantBudget(BUDGET.toPlainString(), false, 0)
                    .build(tenant, "batch"))
            .clock(clock)
            .build();
    ChatRequest question = ChatRequest.builder().messages(UserMessage.from("Ok?")).build();

    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger succeeded = new AtomicInteger();
    Map<FailureKind, AtomicInteger> refused = new ConcurrentHashMap<>();
    List<Throwable> unexpected = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                  LlmResult<?> result = gateway.chat(question);
                  assertThat(result.cost()).isEqualByComparingTo(CALL_COST);
                  succeeded.incrementAndGet();
                } catch (LlmRefusedException e) {
                  refused.computeIfAbsent(e.kind(), k -> new AtomicInteger()).incrementAndGet();
                } catch (Throwable e) {
                  synchronized (unexpected) {
                    unexpected.add(e);
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join(Duration.ofMinutes(2).toMillis());
    }

    assertThat(unexpected).isEmpty();
    assertThat(
            succeeded.get()
                + refused.getOrDefault(FailureKind.BUDGET_EXHAUSTED, new AtomicInteger()).get())
        .isEqualTo(CALLS);
    BigDecimal spent =
        NanoDollars.toUsd(
            Long.parseLong(
                fixture.commands().get(new LedgerKeys(tenant).monthSpent(YearMonth.of(2026, 11)))));
    BigDecimal overshoot = spent.subtract(BUDGET);
    System.out.printf(
        "%d concurrent calls: %d succeeded, %d refused; spent $%s of $%s (overshoot $%s, one call"
            + " $%s)%n",
        CALLS,
        succeeded.get(),
        CALLS - succeeded.get(),
        spent.toPlainString(),
        BUDGET,
        overshoot.toPlainString(),
        CALL_COST);
    assertThat(overshoot).as("overshoot").isLessThan(CALL_COST);
    assertThat(spent).isEqualByComparingTo(CALL_COST.multiply(BigDecimal.valueOf(succeeded.get())));
    assertThat(succeeded.get())
        .as("the budget is used, not refused early")
        .isGreaterThanOrEqualTo(23);
    assertThat(server.requestCount()).isEqualTo(succeeded.get());
    assertThat(fixture.usageCost(tenant, "cost_usd")).isEqualByComparingTo(spent);
    assertThat(fixture.commands().get(new LedgerKeys(tenant).monthReserved(YearMonth.of(2026, 11))))
        .as("every reservation released")
        .isEqualTo("0");
  }
}
