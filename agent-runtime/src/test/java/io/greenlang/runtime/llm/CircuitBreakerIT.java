package io.greenlang.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.testsupport.llm.LocalLlmServer;
import io.greenlang.testsupport.llm.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One circuit breaker per endpoint (SmallRye Fault Tolerance): it opens after 5 consecutive
 * failures, an open circuit is skipped without a request and without waiting, and after the
 * configured delay (here 400 ms) one trial call goes through (half-open) and closes it again.
 */
class CircuitBreakerIT {

  private static final Duration OPEN_DELAY = Duration.ofMillis(400);

  private static GatewayFixture fixture;
  private LocalLlmServer a;
  private LocalLlmServer b;
  private String tenant;
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
  void servers() {
    a = LocalLlmServer.start(LocalLlmServer.Wire.ANTHROPIC);
    b = LocalLlmServer.start(LocalLlmServer.Wire.OPENAI);
    tenant = fixture.newTenant();
    registry = new SimpleMeterRegistry();
    fixture.apiKey("a", "sk-ant-api03-a-0123456789");
    fixture.apiKey("b", "sk-test-b-0123456789");
  }

  @AfterEach
  void stopServers() {
    a.close();
    b.close();
  }

  private LlmGateway gateway() {
    return fixture
        .gateway(
            new AgentConfigurations()
                .endpoint("endpoint-a", LlmProvider.ANTHROPIC, a.url(), "eu-central-1")
                .endpoint("endpoint-b", LlmProvider.OPENAI, b.url(), "eu-west-1")
                .link("a", "endpoint-a", "test-model")
                .link("b", "endpoint-b", "test-model")
                .maxRetries(0)
                .build(tenant, "analyst"))
        .options(fixture.options().withCircuitBreaker(5, OPEN_DELAY))
        .meterRegistry(registry)
        .build();
  }

  private double circuitState(String endpoint) {
    return registry.get("greenlang.llm.circuit.state").tag("endpoint", endpoint).gauge().value();
  }

  private static ChatRequest question() {
    return ChatRequest.builder().messages(UserMessage.from("Hello")).build();
  }

  @Test
  void opensAfterFiveFailuresIsSkippedWhileOpenAndHalfOpensAfterTheDelay() throws Exception {
    a.otherwise(Reply.error(500, "api_error", "Internal server error"));
    LlmGateway gateway = gateway();

    for (int i = 1; i <= 5; i++) {
      assertThat(gateway.chat(question()).link()).isEqualTo("b");
      assertThat(a.requestCount()).isEqualTo(i);
    }
    assertThat(circuitState("endpoint-a")).isEqualTo(2.0);

    for (int i = 0; i < 3; i++) {
      assertThat(gateway.chat(question()).link()).isEqualTo("b");
    }
    assertThat(a.requestCount()).as("an open circuit sends nothing").isEqualTo(5);
    List<Map<String, Object>> usage = fixture.usage(tenant);
    assertThat(usage.get(usage.size() - 2))
        .containsEntry("link", "a")
        .containsEntry("status", "refused")
        .containsEntry("error_kind", "circuit_open");

    Thread.sleep(OPEN_DELAY.plusMillis(100).toMillis());
    a.otherwise(Reply.text("A is back.", 10, 3));
    assertThat(gateway.chat(question()).link()).as("the trial call succeeds").isEqualTo("a");
    assertThat(a.requestCount()).isEqualTo(6);
    assertThat(circuitState("endpoint-a")).isEqualTo(0.0);
    assertThat(gateway.chat(question()).link()).isEqualTo("a");
    assertThat(
            registry
                .get("greenlang.llm.circuit.transitions")
                .tag("endpoint", "endpoint-a")
                .counters())
        .extracting(c -> c.getId().getTag("state") + "=" + (int) c.count())
        .containsExactlyInAnyOrder("open=1", "half_open=1", "closed=1");
  }

  @Test
  void anOpenCircuitIsSkippedWithoutWaitingForItToHalfOpen() {
    a.otherwise(Reply.error(500, "api_error", "Internal server error"));
    LlmGateway gateway =
        fixture
            .gateway(
                new AgentConfigurations()
                    .endpoint("endpoint-a", LlmProvider.ANTHROPIC, a.url(), "eu-central-1")
                    .endpoint("endpoint-b", LlmProvider.OPENAI, b.url(), "eu-west-1")
                    .link("a", "endpoint-a", "test-model")
                    .link("b", "endpoint-b", "test-model")
                    .maxRetries(0)
                    .build(tenant, "analyst"))
            .options(fixture.options().withCircuitBreaker(5, Duration.ofHours(1)))
            .build();
    for (int i = 0; i < 5; i++) {
      gateway.chat(question());
    }

    // Open for an hour: a request that waited for the circuit would not end within the minute.
    assertTimeoutPreemptively(
        Duration.ofMinutes(1), () -> assertThat(gateway.chat(question()).link()).isEqualTo("b"));
    assertThat(a.requestCount()).isEqualTo(5);
  }

  @Test
  void aFailedTrialCallOpensTheCircuitAgain() throws Exception {
    a.otherwise(Reply.error(503, "overloaded_error", "Overloaded"));
    LlmGateway gateway = gateway();
    for (int i = 0; i < 5; i++) {
      gateway.chat(question());
    }
    Thread.sleep(OPEN_DELAY.plusMillis(100).toMillis());

    assertThat(gateway.chat(question()).link()).isEqualTo("b");
    assertThat(a.requestCount()).as("one trial call").isEqualTo(6);
    assertThat(circuitState("endpoint-a")).isEqualTo(2.0);
    gateway.chat(question());
    assertThat(a.requestCount()).isEqualTo(6);
  }

  @Test
  void requestsTheProviderRejectsDoNotCountAgainstTheEndpoint() {
    LlmGateway gateway = gateway();
    for (int i = 0; i < 6; i++) {
      a.enqueue(Reply.error(400, "invalid_request_error", "bad request " + i));
      try {
        gateway.chat(question());
      } catch (LlmRejectedException expected) {
        // The endpoint answered; the request was at fault.
      }
    }
    a.enqueue(Reply.text("Still here.", 10, 3));

    assertThat(gateway.chat(question()).link()).isEqualTo("a");
    assertThat(circuitState("endpoint-a")).isEqualTo(0.0);
  }

  @Test
  void failuresAreCountedPerEndpointNotPerLink() {
    fixture.apiKey("a2", "sk-ant-api03-a2-0123456789");
    a.otherwise(Reply.error(500, "api_error", "Internal server error"));
    LlmGateway gateway =
        fixture
            .gateway(
                new AgentConfigurations()
                    .endpoint("endpoint-a", LlmProvider.ANTHROPIC, a.url(), "eu-central-1")
                    .endpoint("endpoint-b", LlmProvider.OPENAI, b.url(), "eu-west-1")
                    .link("a", "endpoint-a", "test-model")
                    .link("a2", "endpoint-a", "test-model")
                    .link("b", "endpoint-b", "test-model")
                    .maxRetries(0)
                    .build(tenant, "analyst"))
            .options(fixture.options().withCircuitBreaker(5, OPEN_DELAY))
            .meterRegistry(registry)
            .build();

    // Each request fails at both links of endpoint-a: after 3 requests, 5 failures have opened it.
    for (int i = 0; i < 3; i++) {
      assertThat(gateway.chat(question()).link()).isEqualTo("b");
    }
    assertThat(a.requestCount()).isEqualTo(5);
    assertThat(circuitState("endpoint-a")).isEqualTo(2.0);
  }
}
