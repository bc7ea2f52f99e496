package io.greenlang.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.testsupport.llm.LocalLlmServer;
import io.greenlang.testsupport.llm.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests and tokens per minute, per tenant (the request is refused) and per endpoint (the chain
 * fails over), counted in sliding one-minute windows in Redis.
 */
class RateLimitIT {

  private static GatewayFixture fixture;
  private LocalLlmServer a;
  private LocalLlmServer b;
  private String tenant;
  private MutableClock clock;

  @BeforeAll
  static void fixture() {
    fixture = GatewayFixture.start();
  }

  @AfterAll
  static void closeFixture() {
    fixture.close();
  }

  @BeforeEach
  void servers() {
    a = LocalLlmServer.start(LocalLlmServer.Wire.OPENAI);
    b = LocalLlmServer.start(LocalLlmServer.Wire.OPENAI);
    a.otherwise(Reply.text("A.", 1000, 500));
    b.otherwise(Reply.text("B.", 1000, 500));
    tenant = fixture.newTenant();
    clock = new MutableClock(Instant.parse("2026-11-10T12:00:30Z"));
    fixture.apiKey("a", "sk-test-a-0123456789");
    fixture.apiKey("b", "sk-test-b-0123456789");
  }

  @AfterEach
  void stopServers() {
    a.close();
    b.close();
  }

  private LlmGateway gateway(RateLimit tenantLimit, Map<String, RateLimit> endpointLimits) {
    return fixture
        .gateway(
            new AgentConfigurations()
                .endpoint("endpoint-a", LlmProvider.OPENAI, a.url(), "eu-central-1")
                .endpoint("endpoint-b", LlmProvider.OPENAI, b.url(), "eu-west-1")
                .link("a", "endpoint-a", "test-model")
                .link("b", "endpoint-b", "test-model")
                .build(tenant, "analyst"))
        .options(fixture.options().withRateLimits(tenantLimit, endpointLimits))
        .clock(clock)
        .build();
  }

  private static ChatRequest question() {
    return ChatRequest.builder().messages(UserMessage.from("Hello")).build();
  }

  @Test
  void theTenantsRequestsPerMinuteRefuseTheRequestUntilTheWindowMoves() {
    LlmGateway gateway = gateway(new RateLimit(3, 0), Map.of());
    for (int i = 0; i < 3; i++) {
      gateway.chat(question());
    }

    assertThatThrownBy(() -> gateway.chat(question()))
        .isInstanceOf(LlmRefusedException.class)
        .hasMessageContaining("LLM rate limit of tenant " + tenant + " (3 requests per minute)")
        .satisfies(
            e -> {
              LlmRefusedException refused = (LlmRefusedException) e;
              assertThat(refused.kind()).isEqualTo(FailureKind.TENANT_RATE_LIMITED);
              assertThat(refused.retryAfter()).hasValue(Duration.ofSeconds(30));
            });
    assertThat(a.requestCount() + b.requestCount()).isEqualTo(3);

    clock.advance(Duration.ofMinutes(2));
    assertThat(gateway.chat(question()).link()).isEqualTo("a");
  }

  @Test
  void theTenantsTokensPerMinuteCountWhatCallsReallyUsed() {
    // 1,500 tokens per call: two calls fill 3,000 tokens per minute.
    LlmGateway gateway = gateway(new RateLimit(0, 3000), Map.of());
    gateway.chat(question());
    gateway.chat(question());

    assertThatThrownBy(() -> gateway.chat(question()))
        .isInstanceOf(LlmRefusedException.class)
        .hasMessageContaining("3000 tokens per minute");
  }

  @Test
  void anEndpointsRequestsPerMinuteFailOverToTheNextLink() {
    LlmGateway gateway = gateway(RateLimit.NONE, Map.of("endpoint-a", new RateLimit(2, 0)));

    assertThat(gateway.chat(question()).link()).isEqualTo("a");
    assertThat(gateway.chat(question()).link()).isEqualTo("a");
    assertThat(gateway.chat(question()).link()).isEqualTo("b");

    assertThat(a.requestCount()).isEqualTo(2);
    assertThat(fixture.usage(tenant).get(2))
        .containsEntry("link", "a")
        .containsEntry("status", "refused")
        .containsEntry("error_kind", "endpoint_rate_limited");
  }

  @Test
  void theSlidingWindowStillCountsMostOfThePreviousMinute() {
    LlmGateway gateway = gateway(new RateLimit(4, 0), Map.of());
    clock.set(Instant.parse("2026-11-10T12:00:50Z"));
    for (int i = 0; i < 4; i++) {
      gateway.chat(question());
    }
    // 15 s into the next minute, 3/4 of the previous minute's 4 requests still count: 3 < 4.
    clock.set(Instant.parse("2026-11-10T12:01:15Z"));
    gateway.chat(question());

    assertThatThrownBy(() -> gateway.chat(question())).isInstanceOf(LlmRefusedException.class);
  }
}
