package io.greenlang.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.testsupport.llm.LocalLlmServer;
import io.greenlang.testsupport.llm.RecordedLlmRequest;
import io.greenlang.testsupport.llm.Reply;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway against a local server speaking the OpenAI Chat Completions and Embeddings wire
 * formats: plain answers, tool calls, JSON mode, SSE streaming, embeddings; as OpenAI, as Azure
 * OpenAI (deployment path, api-key header, api-version) and as a keyless OpenAI-compatible server.
 */
class OpenAiWireIT {

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
  void serverAndTenant() {
    server = LocalLlmServer.start(LocalLlmServer.Wire.OPENAI);
    tenant = fixture.newTenant();
    fixture.apiKey("openai", "sk-test-openai-0123456789");
    fixture.apiKey("azure", "azure-key-0123456789");
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private LlmGateway gateway(LlmProvider provider, boolean key) {
    String link = provider == LlmProvider.AZURE_OPENAI ? "azure" : "openai";
    String url = provider == LlmProvider.AZURE_OPENAI ? server.rootUrl() : server.url();
    return fixture
        .gateway(
            new AgentConfigurations()
                .endpoint("ep", provider, url, "eu-central-1")
                .link(link, "ep", "test-model", 256, 30, key)
                .build(tenant, "reporter"))
        .build();
  }

  private static ChatRequest question() {
    return ChatRequest.builder()
        .messages(SystemMessage.from("You explain CBAM."), UserMessage.from("What is a CN code?"))
        .build();
  }

  @Test
  void answersAndRecordsTheCallWithItsCost() {
    server.enqueue(Reply.text("A Combined Nomenclature code.", 1000, 500));

    LlmResult<ChatResponse> result = gateway(LlmProvider.OPENAI, true).chat(question());

    assertThat(result.value().aiMessage().text()).isEqualTo("A Combined Nomenclature code.");
    assertThat(result.inputTokens()).isEqualTo(1000);
    assertThat(result.outputTokens()).isEqualTo(500);
    // 1,000 x 0.01 / 1K + 500 x 0.02 / 1K
    assertThat(result.cost()).isEqualByComparingTo("0.02");
    RecordedLlmRequest sent = server.requests().get(0);
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test-openai-0123456789");
    assertThat(sent.body().path("model").asText()).isEqualTo("test-model");
    assertThat(sent.body().path("messages").size()).isEqualTo(2);
    assertThat(sent.body().path("messages").get(0).path("role").asText()).isEqualTo("system");
    // OpenAI takes the output limit as max_completion_tokens (reasoning models refuse max_tokens).
    assertThat(sent.body().path("max_completion_tokens").asInt()).isEqualTo(256);
    List<Map<String, Object>> usage = fixture.usage(tenant);
    assertThat(usage).hasSize(1);
    assertThat(usage.get(0))
        .containsEntry("status", "succeeded")
        .containsEntry("provider", "openai")
        .containsEntry("model", "test-model")
        .containsEntry("input_tokens", 1000L)
        .containsEntry("output_tokens", 500L)
        .containsEntry("operation", "chat")
        .containsEntry("price_table_version", "test-1");
    assertThat((BigDecimal) usage.get(0).get("cost_usd")).isEqualByComparingTo("0.02");
  }

  @Test
  void writesUsageWithoutWaitingForTheWalFlushWhenConfigured() {
    server.enqueue(Reply.text("Fast.", 100, 10));
    LlmGateway gateway =
        fixture
            .gateway(
                new AgentConfigurations()
                    .endpoint("ep", LlmProvider.OPENAI, server.url(), "eu-central-1")
                    .link("openai", "ep", "test-model", 256, 30, true)
                    .build(tenant, "reporter"))
            .options(fixture.options().withUsageWaitForFlush(false))
            .build();

    gateway.chat(question());

    assertThat(fixture.usage(tenant))
        .singleElement()
        .satisfies(row -> assertThat(row).containsEntry("input_tokens", 100L));
  }

  @Test
  void passesToolsAndReturnsTheToolCall() {
    server.enqueue(Reply.toolCall("emission_factor", "{\"fuel\":\"natural_gas\"}", 80, 20));
    ToolSpecification tool =
        ToolSpecification.builder()
            .name("emission_factor")
            .description("IPCC 2006 default emission factor of a fuel")
            .parameters(
                JsonObjectSchema.builder().addStringProperty("fuel").required("fuel").build())
            .build();

    LlmResult<ChatResponse> result =
        gateway(LlmProvider.OPENAI, true)
            .chat(
                ChatRequest.builder()
                    .messages(UserMessage.from("Factor?"))
                    .toolSpecifications(tool)
                    .build());

    ToolExecutionRequest call = result.value().aiMessage().toolExecutionRequests().get(0);
    assertThat(call.name()).isEqualTo("emission_factor");
    assertThat(call.arguments()).isEqualTo("{\"fuel\":\"natural_gas\"}");
    RecordedLlmRequest sent = server.requests().get(0);
    assertThat(sent.body().path("tools").get(0).path("type").asText()).isEqualTo("function");
    assertThat(sent.body().path("tools").get(0).path("function").path("name").asText())
        .isEqualTo("emission_factor");
  }

  @Test
  void asksForJsonInJsonMode() {
    server.enqueue(Reply.text("{\"answer\":42}", 30, 6));

    LlmResult<ChatResponse> result =
        gateway(LlmProvider.OPENAI, true)
            .chat(
                ChatRequest.builder()
                    .messages(UserMessage.from("Answer as JSON"))
                    .responseFormat(ResponseFormat.JSON)
                    .build());

    assertThat(result.value().aiMessage().text()).isEqualTo("{\"answer\":42}");
    assertThat(server.requests().get(0).body().path("response_format").path("type").asText())
        .isEqualTo("json_object");
  }

  @Test
  void streamsTextOverServerSentEventsAndCountsTheReportedUsage() {
    server.enqueue(Reply.text("Embedded emissions per tonne.", 40, 9));
    List<String> partials = new CopyOnWriteArrayList<>();

    LlmResult<ChatResponse> result =
        gateway(LlmProvider.OPENAI, true).stream(question(), partials::add);

    assertThat(partials).hasSizeGreaterThan(1);
    assertThat(String.join("", partials)).isEqualTo("Embedded emissions per tonne.");
    assertThat(result.value().aiMessage().text()).isEqualTo("Embedded emissions per tonne.");
    assertThat(result.inputTokens()).isEqualTo(40);
    assertThat(result.outputTokens()).isEqualTo(9);
    RecordedLlmRequest sent = server.requests().get(0);
    assertThat(sent.body().path("stream").asBoolean()).isTrue();
    assertThat(sent.body().path("stream_options").path("include_usage").asBoolean()).isTrue();
    assertThat(fixture.usage(tenant).get(0)).containsEntry("operation", "stream");
  }

  @Test
  void streamsAToolCall() {
    server.enqueue(Reply.toolCall("cbam_certificates", "{\"year\":2026,\"tonnes\":120}", 50, 15));

    LlmResult<ChatResponse> result =
        gateway(LlmProvider.OPENAI, true).stream(
            ChatRequest.builder()
                .messages(UserMessage.from("How many certificates?"))
                .toolSpecifications(
                    ToolSpecification.builder()
                        .name("cbam_certificates")
                        .parameters(
                            JsonObjectSchema.builder()
                                .addIntegerProperty("year")
                                .addNumberProperty("tonnes")
                                .build())
                        .build())
                .build(),
            text -> {});

    ToolExecutionRequest call = result.value().aiMessage().toolExecutionRequests().get(0);
    assertThat(call.name()).isEqualTo("cbam_certificates");
    assertThat(call.arguments()).isEqualTo("{\"year\":2026,\"tonnes\":120}");
  }

  @Test
  void embedsTexts() {
    LlmResult<List<Embedding>> result =
        gateway(LlmProvider.OPENAI, true)
            .embed("test-embedding", List.of("steel", "aluminium", "cement"));

    assertThat(result.value()).hasSize(3);
    assertThat(result.value().get(0).dimension()).isEqualTo(4);
    // The server counts a token per 4 characters, at least 1: steel 1, aluminium 2, cement 1.
    assertThat(result.inputTokens()).isEqualTo(4);
    RecordedLlmRequest sent = server.requests().get(0);
    assertThat(sent.path()).isEqualTo("/v1/embeddings");
    assertThat(sent.body().path("model").asText()).isEqualTo("test-embedding");
    assertThat(fixture.usage(tenant).get(0))
        .containsEntry("operation", "embed")
        .containsEntry("model", "test-embedding");
  }

  @Test
  void speaksAzureOpenAiWithTheDeploymentPathApiKeyHeaderAndApiVersion() {
    server.enqueue(Reply.text("From Azure.", 10, 3));

    LlmResult<ChatResponse> result = gateway(LlmProvider.AZURE_OPENAI, true).chat(question());

    assertThat(result.value().aiMessage().text()).isEqualTo("From Azure.");
    assertThat(result.provider()).isEqualTo("azure-openai");
    RecordedLlmRequest sent = server.requests().get(0);
    assertThat(sent.path()).isEqualTo("/openai/deployments/test-model/chat/completions");
    assertThat(sent.query()).isEqualTo("api-version=" + GatewayOptions.DEFAULT_AZURE_API_VERSION);
    assertThat(sent.header("api-key")).isEqualTo("azure-key-0123456789");
    assertThat(sent.header("Authorization")).isNull();
  }

  @Test
  void callsAKeylessOpenAiCompatibleServerAtNoCharge() {
    server.enqueue(Reply.text("From vLLM.", 900, 300));

    LlmResult<ChatResponse> result = gateway(LlmProvider.OPENAI_COMPATIBLE, false).chat(question());

    assertThat(result.value().aiMessage().text()).isEqualTo("From vLLM.");
    assertThat(result.cost()).isEqualByComparingTo("0");
    RecordedLlmRequest sent = server.requests().get(0);
    assertThat(sent.header("Authorization")).isNull();
    // vLLM and Ollama read the output limit as max_tokens.
    assertThat(sent.body().path("max_tokens").asInt()).isEqualTo(256);
  }
}
