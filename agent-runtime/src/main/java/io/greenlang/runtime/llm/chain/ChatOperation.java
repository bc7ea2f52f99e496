package io.greenlang.runtime.llm.chain;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.runtime.llm.cost.TokenEstimate;
import io.greenlang.runtime.llm.provider.ProviderModels;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A chat completion: messages, tools and response format as the caller gave them; model and output
 * limit from the link that serves it.
 */
public class ChatOperation implements Operation<ChatResponse> {

  private final ChatRequest request;
  private final long inputBound;

  public ChatOperation(ChatRequest request) {
    if (request == null || request.messages() == null || request.messages().isEmpty()) {
      throw new IllegalArgumentException("request.messages must hold at least one message");
    }
    this.request = request;
    this.inputBound = TokenEstimate.inputUpperBound(request);
  }

  @Override
  public String name() {
    return "chat";
  }

  @Override
  public Optional<String> unsupported(ChainLink link) {
    var format = request.parameters().responseFormat();
    if (link.provider() == LlmProvider.ANTHROPIC
        && format != null
        && format.type() == ResponseFormatType.JSON
        && format.jsonSchema() == null) {
      return Optional.of("Anthropic offers JSON output only with a JSON schema");
    }
    return Optional.empty();
  }

  @Override
  public String model(ChainLink link) {
    return link.model();
  }

  @Override
  public long inputTokensUpperBound() {
    return inputBound;
  }

  @Override
  public long outputTokensMax(ChainLink link) {
    Integer asked = request.parameters().maxOutputTokens();
    return asked == null ? link.maxTokens() : Math.min(asked, link.maxTokens());
  }

  @Override
  public Outcome<ChatResponse> invoke(ProviderModels.LinkModels clients, ChainLink link) {
    return outcome(clients.chat().chat(forLink(link)));
  }

  /** The caller's request with the link's model and output limit. */
  ChatRequest forLink(ChainLink link) {
    ChatRequestParameters asked = request.parameters();
    int maxOutput = (int) outputTokensMax(link);
    ChatRequestParameters parameters =
        link.provider() == LlmProvider.OPENAI
            ? OpenAiChatRequestParameters.builder()
                .overrideWith(asked)
                .modelName(link.model())
                .maxOutputTokens(null)
                .maxCompletionTokens(maxOutput)
                .build()
            : DefaultChatRequestParameters.builder()
                .overrideWith(asked)
                .modelName(link.model())
                .maxOutputTokens(maxOutput)
                .build();
    return ChatRequest.builder().messages(request.messages()).parameters(parameters).build();
  }

  static Outcome<ChatResponse> outcome(ChatResponse response) {
    TokenUsage usage = response.tokenUsage();
    String text = response.aiMessage() == null ? null : response.aiMessage().text();
    long bytes = text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    if (response.aiMessage() != null && response.aiMessage().toolExecutionRequests() != null) {
      for (var call : response.aiMessage().toolExecutionRequests()) {
        bytes +=
            call.arguments() == null ? 0 : call.arguments().getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return new Outcome<>(
        response,
        usage == null ? null : usage.inputTokenCount(),
        usage == null ? null : usage.outputTokenCount(),
        bytes,
        response.finishReason() == FinishReason.CONTENT_FILTER);
  }

  ChatRequest request() {
    return request;
  }
}
