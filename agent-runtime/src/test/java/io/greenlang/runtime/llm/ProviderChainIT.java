package io.greenlang.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.testsupport.llm.LocalLlmServer;
import io.greenlang.testsupport.llm.RecordedLlmRequest;
import io.greenlang.testsupport.llm.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retries, backoff, Retry-After and failover along a chain of two local providers, A (Anthropic
 * wire) then B (OpenAI wire), with the production gateway: 429 with Retry-After, 500 then success,
 * a timeout, A down and B answering the same request, fail-fast on 400 and 401.
 */
class ProviderChainIT {

  private static final String KEY_A = "sk-ant-api03-secret-a-0123456789";
  private static final String KEY_B = "sk-test-secret-b-0123456789";

  private static GatewayFixture fixture;
  private LocalLlmServer a;
  private LocalLlmServer b;
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
  void servers() {
    a = LocalLlmServer.start(LocalLlmServer.Wire.ANTHROPIC);
    b = LocalLlmServer.start(LocalLlmServer.Wire.OPENAI);
    tenant = fixture.newTenant();
    fixture.apiKey("a", KEY_A);
    fixture.apiKey("b", KEY_B);
  }

  @AfterEach
  void stopServers() {
    a.close();
    b.close();
  }

  private LlmGateway gateway(String urlOfA, int maxRetries, int timeoutSeconds) {
    return fixture
        .gateway(
            new AgentConfigurations()
                .endpoint("endpoint-a", LlmProvider.ANTHROPIC, urlOfA, "eu-central-1")
                .endpoint("endpoint-b", LlmProvider.OPENAI, b.url(), "eu-west-1")
                .link("a", "endpoint-a", "test-model", 256, timeoutSeconds, true)
                .link("b", "endpoint-b", "test-model", 256, 30, true)
                .maxRetries(maxRetries)
                .build(tenant, "analyst"))
        .build();
  }

  private static ChatRequest question(String text) {
    return ChatRequest.builder().messages(UserMessage.from(text)).build();
  }

  @Test
  void honoursRetryAfterOnA429AndRetriesTheSameProvider() {
    a.enqueue(
        Reply.error(429, "rate_limit_error", "Slow down", Map.of("retry-after", "1")),
        Reply.text("After waiting.", 10, 4));

    LlmResult<ChatResponse> result = gateway(a.url(), 2, 30).chat(question("Hello"));

    assertThat(result.value().aiMessage().text()).isEqualTo("After waiting.");
    assertThat(result.link()).isEqualTo("a");
    assertThat(result.attempts()).isEqualTo(2);
    List<RecordedLlmRequest> sent = a.requests();
    assertThat(sent).hasSize(2);
    assertThat(Duration.between(sent.get(0).receivedAt(), sent.get(1).receivedAt()))
        .as("the second attempt waits the second the provider asked for")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(b.requestCount()).isZero();
    List<Map<String, Object>> usage = fixture.usage(tenant);
    assertThat(usage).extracting(row -> row.get("status")).containsExactly("failed", "succeeded");
    assertThat(usage.get(0)).containsEntry("error_kind", "rate_limited");
  }

  @Test
  void honoursRetryAfterMsAndFailsOverWhenTheWaitIsLongerThanTheMaximum() {
    b.enqueue(
        Reply.error(429, "rate_limit_exceeded", "Rate limit", Map.of("retry-after-ms", "300")),
        Reply.text("B after 300 ms.", 10, 4));
    a.enqueue(
        Reply.error(429, "rate_limit_error", "Come back later", Map.of("retry-after", "3600")));

    LlmResult<ChatResponse> result = gateway(a.url(), 2, 30).chat(question("Hello"));

    assertThat(result.link()).isEqualTo("b");
    assertThat(a.requestCount()).as("an hour's wait is not worth a retry: fail over").isEqualTo(1);
    List<RecordedLlmRequest> sentToB = b.requests();
    assertThat(sentToB).hasSize(2);
    assertThat(Duration.between(sentToB.get(0).receivedAt(), sentToB.get(1).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void retriesAServerErrorThenSucceeds() {
    a.enqueue(
        Reply.error(500, "api_error", "Internal server error"), Reply.text("Fine now.", 10, 3));

    LlmResult<ChatResponse> result = gateway(a.url(), 2, 30).chat(question("Hello"));

    assertThat(result.value().aiMessage().text()).isEqualTo("Fine now.");
    assertThat(a.requestCount()).isEqualTo(2);
    assertThat(b.requestCount()).isZero();
    assertThat(fixture.usage(tenant).get(0)).containsEntry("error_kind", "server_error");
  }

  @Test
  void retriesATimeoutThenFailsOverToTheNextProvider() {
    a.otherwise(Reply.after(Duration.ofSeconds(3), Reply.text("Too late.", 10, 3)));
    b.enqueue(Reply.text("B on time.", 10, 3));

    LlmResult<ChatResponse> result = gateway(a.url(), 1, 1).chat(question("Hello"));

    assertThat(result.link()).isEqualTo("b");
    assertThat(result.value().aiMessage().text()).isEqualTo("B on time.");
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(fixture.usage(tenant))
        .extracting(row -> row.get("link") + ":" + row.get("error_kind"))
        .containsExactly("a:timeout", "a:timeout", "b:null");
  }

  @Test
  void whenAIsDownBAnswersTheSameRequest() throws IOException {
    String downUrl;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      downUrl = "http://127.0.0.1:" + closed.getLocalPort();
    }
    b.enqueue(Reply.text("B answers.", 25, 5));

    LlmResult<ChatResponse> result =
        gateway(downUrl, 1, 5).chat(question("What is the CBAM factor for 2027?"));

    assertThat(result.link()).isEqualTo("b");
    RecordedLlmRequest sent = b.requests().get(0);
    assertThat(sent.body().path("messages").get(0).path("content").asText())
        .isEqualTo("What is the CBAM factor for 2027?");
    List<Map<String, Object>> usage = fixture.usage(tenant);
    assertThat(usage)
        .extracting(row -> row.get("error_kind"))
        .containsExactly("connection", "connection", null);
    assertThat(usage).extracting(row -> row.get("request_id")).containsOnly(result.requestId());
  }

  @Test
  void aBadRequestFailsFastWithoutRetryOrFailover() {
    a.enqueue(Reply.error(400, "invalid_request_error", "messages: roles must alternate"));

    assertThatThrownBy(() -> gateway(a.url(), 2, 30).chat(question("Hello")))
        .isInstanceOf(LlmRejectedException.class)
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("roles must alternate")
        .satisfies(
            e -> assertThat(((LlmException) e).kind()).isEqualTo(FailureKind.INVALID_REQUEST));
    assertThat(a.requestCount()).isEqualTo(1);
    assertThat(b.requestCount()).isZero();
  }

  @Test
  void aRejectedKeyFailsFastAndTheMessageNeverShowsIt() {
    a.enqueue(
        Reply.error(
            401,
            "authentication_error",
            "invalid x-api-key " + KEY_A + " (sk-ant-api03-abc...xyz)"));

    assertThatThrownBy(() -> gateway(a.url(), 2, 30).chat(question("Hello")))
        .isInstanceOf(LlmRejectedException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("authentication_error")
        .satisfies(e -> assertThat(((LlmException) e).kind()).isEqualTo(FailureKind.AUTHENTICATION))
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain(KEY_A)
                    .doesNotContain("sk-ant-api03-abc"));
    assertThat(b.requestCount()).isZero();
    assertThat(fixture.usage(tenant).get(0).get("error_message").toString()).doesNotContain(KEY_A);
  }

  @Test
  void aContentPolicyRefusalFailsFast() {
    b.enqueue(
        Reply.error(
            400, "content_policy_violation", "Your request was rejected by our safety system"));

    assertThatThrownBy(
            () ->
                fixture
                    .gateway(
                        new AgentConfigurations()
                            .endpoint("endpoint-b", LlmProvider.OPENAI, b.url(), "eu-west-1")
                            .link("b", "endpoint-b", "test-model")
                            .build(tenant, "analyst"))
                    .build()
                    .chat(question("Hello")))
        .isInstanceOf(LlmRejectedException.class)
        .satisfies(
            e -> assertThat(((LlmException) e).kind()).isEqualTo(FailureKind.CONTENT_POLICY));
    assertThat(b.requestCount()).isEqualTo(1);
  }

  @Test
  void whenEveryProviderFailsTheErrorListsEachLink() {
    a.otherwise(Reply.error(503, "overloaded_error", "Overloaded"));
    b.otherwise(Reply.error(502, "bad_gateway", "Bad gateway"));

    assertThatThrownBy(() -> gateway(a.url(), 1, 30).chat(question("Hello")))
        .isInstanceOf(LlmUnavailableException.class)
        .hasMessageContaining("a (endpoint-a, anthropic test-model) answered HTTP 503")
        .hasMessageContaining("b (endpoint-b, openai test-model) answered HTTP 502")
        .satisfies(e -> assertThat(((LlmUnavailableException) e).linkFailures()).hasSize(2));
    assertThat(a.requestCount()).isEqualTo(2);
    assertThat(b.requestCount()).isEqualTo(2);
  }

  @Test
  void aMissingApiKeyFileSkipsTheLinkAndSaysWhichFile() {
    b.enqueue(Reply.text("B answers.", 10, 3));
    LlmGateway gateway =
        fixture
            .gateway(
                new AgentConfigurations()
                    .endpoint("endpoint-a", LlmProvider.ANTHROPIC, a.url(), "eu-central-1")
                    .endpoint("endpoint-b", LlmProvider.OPENAI, b.url(), "eu-west-1")
                    .link("unmounted", "endpoint-a", "test-model")
                    .link("b", "endpoint-b", "test-model")
                    .build(tenant, "analyst"))
            .build();

    LlmResult<ChatResponse> result = gateway.chat(question("Hello"));

    assertThat(result.link()).isEqualTo("b");
    assertThat(a.requestCount()).isZero();
    assertThat(fixture.usage(tenant).get(0).get("error_message").toString())
        .contains("spec.llm.providers[0].apiKeySecretRef")
        .contains("llm-keys/unmounted");
  }
}
