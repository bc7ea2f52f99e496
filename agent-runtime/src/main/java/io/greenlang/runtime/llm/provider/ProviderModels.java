package io.greenlang.runtime.llm.provider;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.runtime.llm.FailureKind;
import io.greenlang.runtime.llm.chain.ChainLink;
import io.greenlang.runtime.llm.chain.EndpointUrls;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The langchain4j clients of each chain link: Anthropic Messages, OpenAI Chat Completions, Azure
 * OpenAI, and any OpenAI-compatible server, each built with the gateway's HTTP client and with
 * langchain4j's own retries off ({@code maxRetries(0)}) so the gateway's chain alone retries and
 * fails over. Clients are built once per link and rebuilt when the mounted API key changes.
 */
public final class ProviderModels {

  /** The clients of one link for one API key. */
  public final class LinkModels {
    private final ChainLink link;
    private final String apiKey;
    private final byte[] keyDigest;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final Map<String, EmbeddingModel> embeddings = new ConcurrentHashMap<>();

    private LinkModels(ChainLink link, String apiKey) {
      this.link = link;
      this.apiKey = apiKey;
      this.keyDigest = digest(apiKey);
      this.chat = chatModel(link, apiKey);
      this.streaming = streamingModel(link, apiKey);
    }

    public ChatModel chat() {
      return chat;
    }

    public StreamingChatModel streaming() {
      return streaming;
    }

    /** The embedding client for {@code model} (OpenAI-style providers only). */
    public EmbeddingModel embeddings(String model) {
      if (!link.hasEmbeddings()) {
        throw new ProviderFailure(
            FailureKind.UNSUPPORTED, link.describe() + ": the provider has no embeddings API");
      }
      return embeddings.computeIfAbsent(model, m -> embeddingModel(link, apiKey, m));
    }

    /** The key these clients use, for removing it from provider messages. */
    public String apiKey() {
      return apiKey;
    }
  }

  private final ApiKeys keys;
  private final Clock clock;
  private final Duration maxConnectTimeout;
  private final String azureApiVersion;
  private final Map<String, LinkModels> byLink = new ConcurrentHashMap<>();

  public ProviderModels(
      ApiKeys keys, Clock clock, Duration maxConnectTimeout, String azureApiVersion) {
    this.keys = keys;
    this.clock = clock;
    this.maxConnectTimeout = maxConnectTimeout;
    this.azureApiVersion = azureApiVersion;
  }

  /**
   * The clients of {@code link}, with the API key as mounted now.
   *
   * @throws ProviderFailure of kind {@link FailureKind#CONFIGURATION} when the key file is missing
   */
  public LinkModels forLink(ChainLink link) {
    String apiKey;
    try {
      apiKey =
          link.apiKey() == null
              ? null
              : keys.read(link.apiKey(), link.field() + ".apiKeySecretRef");
    } catch (ApiKeys.ApiKeyUnavailableException e) {
      throw new ProviderFailure(FailureKind.CONFIGURATION, e.getMessage());
    }
    byte[] digest = digest(apiKey);
    return byLink.compute(
        link.name(),
        (name, current) ->
            current != null && Arrays.equals(current.keyDigest, digest)
                ? current
                : new LinkModels(link, apiKey));
  }

  private ChatModel chatModel(ChainLink link, String apiKey) {
    if (link.provider() == LlmProvider.ANTHROPIC) {
      return AnthropicChatModel.builder()
          .httpClientBuilder(http())
          .baseUrl(link.baseUrl())
          .apiKey(apiKey)
          .modelName(link.model())
          .maxTokens(link.maxTokens())
          .timeout(link.timeout())
          .maxRetries(0)
          .build();
    }
    OpenAiChatModel.OpenAiChatModelBuilder openAi =
        OpenAiChatModel.builder()
            .httpClientBuilder(http())
            .baseUrl(link.baseUrl())
            .modelName(link.model())
            .timeout(link.timeout())
            .maxRetries(0);
    if (link.provider() == LlmProvider.OPENAI) {
      // OpenAI's reasoning models refuse max_tokens; max_completion_tokens works for all of them.
      openAi.maxCompletionTokens(link.maxTokens());
    } else {
      openAi.maxTokens(link.maxTokens());
    }
    if (link.provider() == LlmProvider.AZURE_OPENAI) {
      openAi.customHeaders(Map.of("api-key", apiKey)).customQueryParams(azureQuery());
    } else {
      openAi.apiKey(apiKey);
    }
    return openAi.build();
  }

  private StreamingChatModel streamingModel(ChainLink link, String apiKey) {
    if (link.provider() == LlmProvider.ANTHROPIC) {
      return AnthropicStreamingChatModel.builder()
          .httpClientBuilder(http())
          .baseUrl(link.baseUrl())
          .apiKey(apiKey)
          .modelName(link.model())
          .maxTokens(link.maxTokens())
          .timeout(link.timeout())
          .build();
    }
    OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder openAi =
        OpenAiStreamingChatModel.builder()
            .httpClientBuilder(http())
            .baseUrl(link.baseUrl())
            .modelName(link.model())
            .timeout(link.timeout());
    if (link.provider() == LlmProvider.OPENAI) {
      openAi.maxCompletionTokens(link.maxTokens());
    } else {
      openAi.maxTokens(link.maxTokens());
    }
    if (link.provider() == LlmProvider.AZURE_OPENAI) {
      openAi.customHeaders(Map.of("api-key", apiKey)).customQueryParams(azureQuery());
    } else {
      openAi.apiKey(apiKey);
    }
    return openAi.build();
  }

  private EmbeddingModel embeddingModel(ChainLink link, String apiKey, String model) {
    OpenAiEmbeddingModel.OpenAiEmbeddingModelBuilder openAi =
        OpenAiEmbeddingModel.builder()
            .httpClientBuilder(http())
            // Azure serves each embedding model as a deployment of its own.
            .baseUrl(EndpointUrls.baseUrl(link.provider(), link.endpointUrl(), model))
            .modelName(model)
            .timeout(link.timeout())
            .maxRetries(0);
    if (link.provider() == LlmProvider.AZURE_OPENAI) {
      openAi.customHeaders(Map.of("api-key", apiKey)).customQueryParams(azureQuery());
    } else {
      openAi.apiKey(apiKey);
    }
    return openAi.build();
  }

  private ProviderHttpClientBuilder http() {
    return new ProviderHttpClientBuilder(clock, maxConnectTimeout);
  }

  private Map<String, String> azureQuery() {
    return Map.of("api-version", azureApiVersion);
  }

  private static byte[] digest(String apiKey) {
    if (apiKey == null) {
      return new byte[0];
    }
    try {
      return MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
