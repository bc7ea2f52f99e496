package io.greenlang.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.testsupport.llm.LocalLlmServer;
import io.greenlang.testsupport.llm.RecordedLlmRequest;
import io.greenlang.testsupport.llm.Reply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway against a local server speaking the Anthropic Messages wire format: answers, tool
 * use, JSON output with a schema, SSE streaming (text and tool input deltas), and an error event in
 * the middle of a stream.
 */
class AnthropicWireIT {

  private static GatewayFixture fixture;
  private LocalLlmServer anthropic;
  private LocalLlmServer openAi;
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
    anthropic = LocalLlmServer.start(LocalLlmServer.Wire.ANTHROPIC);
    openAi = LocalLlmServer.start(LocalLlmServer.Wire.OPENAI);
    tenant = fixture.newTenant();
    fixture.apiKey("claude", "sk-ant-api03-test-key-0123456789");
    fixture.apiKey("gpt", "sk-test-openai-0123456789");
  }

  @AfterEach
  void stopServers() {
    anthropic.close();
    openAi.close();
  }

  /** Claude first, then an OpenAI fallback. */
  private LlmGateway gateway() {
    return fixture
        .gateway(
            new AgentConfigurations()
                .endpoint("anthropic-eu", LlmProvider.ANTHROPIC, anthropic.url(), "eu-central-1")
                .endpoint("openai-eu", LlmProvider.OPENAI, openAi.url(), "eu-west-1")
                .link("claude", "anthropic-eu", "test-model", 512, 30, true)
                .link("gpt", "openai-eu", "test-model", 512, 30, true)
                .build(tenant, "drafter"))
        .build();
  }

  @Test
  void answersWithTheMessagesApi() {
    anthropic.enqueue(Reply.text("CBAM covers steel.", 2000, 100));

    LlmResult<ChatResponse> result =
        gateway()
            .chat(
                ChatRequest.builder()
                    .messages(
                        SystemMessage.from("Be brief."), UserMessage.from("What does CBAM cover?"))
                    .build());

    assertThat(result.value().aiMessage().text()).isEqualTo("CBAM covers steel.");
    assertThat(result.link()).isEqualTo("claude");
    assertThat(result.provider()).isEqualTo("anthropic");
    // 2,000 x 0.01 / 1K + 100 x 0.02 / 1K
    assertThat(result.cost()).isEqualByComparingTo("0.022");
    RecordedLlmRequest sent = anthropic.requests().get(0);
    assertThat(sent.path()).isEqualTo("/v1/messages");
    assertThat(sent.header("x-api-key")).isEqualTo("sk-ant-api03-test-key-0123456789");
    assertThat(sent.header("anthropic-version")).isNotBlank();
    assertThat(sent.body().path("model").asText()).isEqualTo("test-model");
    assertThat(sent.body().path("max_tokens").asInt()).isEqualTo(512);
    // The Messages API takes the system prompt apart from the messages.
    assertThat(sent.body().path("system").toString()).contains("Be brief.");
    assertThat(sent.body().path("messages").size()).isEqualTo(1);
    assertThat(openAi.requestCount()).isZero();
  }

  @Test
  void returnsToolUse() {
    anthropic.enqueue(Reply.toolCall("grid_factor", "{\"region\":\"DE\",\"year\":2025}", 300, 40));

    LlmResult<ChatResponse> result =
        gateway()
            .chat(
                ChatRequest.builder()
                    .messages(UserMessage.from("Scope 2 factor for Germany?"))
                    .toolSpecifications(
                        ToolSpecification.builder()
                            .name("grid_factor")
                            .description("Location-based grid emission factor")
                            .parameters(
                                JsonObjectSchema.builder()
                                    .addStringProperty("region")
                                    .addIntegerProperty("year")
                                    .required("region", "year")
                                    .build())
                            .build())
                    .build());

    ToolExecutionRequest call = result.value().aiMessage().toolExecutionRequests().get(0);
    assertThat(call.name()).isEqualTo("grid_factor");
    assertThat(call.arguments()).contains("\"region\"").contains("\"DE\"");
    RecordedLlmRequest sent = anthropic.requests().get(0);
    assertThat(sent.body().path("tools").get(0).path("name").asText()).isEqualTo("grid_factor");
    assertThat(sent.body().path("tools").get(0).path("input_schema").path("type").asText())
        .isEqualTo("object");
  }

  @Test
  void streamsTextAndToolInputDeltas() {
    anthropic.enqueue(Reply.text("Default values apply.", 120, 7));
    List<String> partials = new CopyOnWriteArrayList<>();

    LlmResult<ChatResponse> text =
        gateway().stream(
            ChatRequest.builder().messages(UserMessage.from("Which values apply?")).build(),
            partials::add);

    assertThat(String.join("", partials)).isEqualTo("Default values apply.");
    assertThat(partials).hasSizeGreaterThan(1);
    assertThat(text.inputTokens()).isEqualTo(120);
    assertThat(text.outputTokens()).isEqualTo(7);
    assertThat(anthropic.requests().get(0).body().path("stream").asBoolean()).isTrue();

    anthropic.enqueue(
        Reply.toolCall("eudr_risk", "{\"commodity\":\"cocoa\",\"country\":\"GH\"}", 90, 30));
    LlmResult<ChatResponse> tool =
        gateway().stream(
            ChatRequest.builder()
                .messages(UserMessage.from("Risk of cocoa from Ghana?"))
                .toolSpecifications(
                    ToolSpecification.builder()
                        .name("eudr_risk")
                        .parameters(
                            JsonObjectSchema.builder()
                                .addStringProperty("commodity")
                                .addStringProperty("country")
                                .build())
                        .build())
                .build(),
            partial -> {});
    ToolExecutionRequest call = tool.value().aiMessage().toolExecutionRequests().get(0);
    assertThat(call.name()).isEqualTo("eudr_risk");
    assertThat(call.arguments()).isEqualTo("{\"commodity\":\"cocoa\",\"country\":\"GH\"}");
  }

  @Test
  void anErrorEventAfterTextWasPassedOnFailsTheRequestInsteadOfAnsweringTwice() {
    anthropic.enqueue(new Reply.StreamError("Partial ", "overloaded_error", "Overloaded"));
    List<String> partials = new CopyOnWriteArrayList<>();

    assertThatThrownBy(
            () ->
                gateway().stream(
                    ChatRequest.builder().messages(UserMessage.from("Explain.")).build(),
                    partials::add))
        .isInstanceOf(LlmRejectedException.class)
        .satisfies(
            e -> assertThat(((LlmException) e).kind()).isEqualTo(FailureKind.STREAM_INTERRUPTED))
        .hasMessageContaining("after part of the answer was passed on");
    assertThat(partials).isNotEmpty();
    assertThat("Partial ").startsWith(String.join("", partials));
    assertThat(openAi.requestCount()).as("no second answer from the fallback").isZero();
  }

  @Test
  void jsonOutputWithASchemaGoesToClaudeWithoutOneToTheNextLink() {
    JsonSchema schema =
        JsonSchema.builder()
            .name("verdict")
            .rootElement(JsonObjectSchema.builder().addBooleanProperty("compliant").build())
            .build();
    anthropic.enqueue(Reply.text("{\"compliant\":true}", 50, 5));
    LlmResult<ChatResponse> withSchema =
        gateway()
            .chat(
                ChatRequest.builder()
                    .messages(UserMessage.from("Compliant?"))
                    .responseFormat(
                        ResponseFormat.builder()
                            .type(dev.langchain4j.model.chat.request.ResponseFormatType.JSON)
                            .jsonSchema(schema)
                            .build())
                    .build());
    assertThat(withSchema.link()).isEqualTo("claude");
    assertThat(withSchema.value().aiMessage().text()).isEqualTo("{\"compliant\":true}");

    openAi.enqueue(Reply.text("{\"compliant\":false}", 50, 5));
    LlmResult<ChatResponse> plainJson =
        gateway()
            .chat(
                ChatRequest.builder()
                    .messages(UserMessage.from("Compliant?"))
                    .responseFormat(ResponseFormat.JSON)
                    .build());
    assertThat(plainJson.link()).isEqualTo("gpt");
    assertThat(anthropic.requestCount())
        .as("JSON mode without a schema is not sent to Claude")
        .isEqualTo(1);
    List<Map<String, Object>> usage = fixture.usage(tenant);
    assertThat(usage.get(usage.size() - 2))
        .containsEntry("link", "claude")
        .containsEntry("status", "refused")
        .containsEntry("error_kind", "unsupported");
  }
}
