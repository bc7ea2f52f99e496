package io.greenlang.runtime.llm.cost;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An upper bound of the input tokens of a request, computed before it is sent so that budgets and
 * token quotas can reserve enough. The models behind the gateway use byte-level BPE tokenizers, in
 * which every token covers at least one byte of UTF-8 text; so the text's byte count plus the
 * providers' per-message and tool-use overheads bounds the count the provider will report.
 */
public final class TokenEstimate {

  /** Role markers and separators the provider adds per message. */
  static final int PER_MESSAGE = 16;

  /** The tool-use system prompt a provider adds when tools are offered (Anthropic: ~350). */
  static final int TOOL_USE_PROMPT = 512;

  /** An image or other non-text part (Anthropic bounds an image at about 1,600 tokens). */
  static final int NON_TEXT_PART = 1_600;

  private TokenEstimate() {}

  /** The most input tokens {@code request} can count as. */
  public static long inputUpperBound(ChatRequest request) {
    long tokens = 0;
    for (ChatMessage message : request.messages()) {
      tokens += PER_MESSAGE + messageBytes(message);
    }
    List<ToolSpecification> tools = request.parameters().toolSpecifications();
    if (tools != null && !tools.isEmpty()) {
      tokens += TOOL_USE_PROMPT;
      for (ToolSpecification tool : tools) {
        tokens += PER_MESSAGE + bytes(tool.toJson());
      }
    }
    if (request.parameters().responseFormat() != null
        && request.parameters().responseFormat().jsonSchema() != null) {
      tokens +=
          PER_MESSAGE + bytes(String.valueOf(request.parameters().responseFormat().jsonSchema()));
    }
    return tokens;
  }

  /** The most input tokens a list of texts to embed can count as. */
  public static long inputUpperBound(List<String> texts) {
    long tokens = 0;
    for (String text : texts) {
      tokens += PER_MESSAGE + bytes(text);
    }
    return tokens;
  }

  private static long messageBytes(ChatMessage message) {
    if (message instanceof SystemMessage system) {
      return bytes(system.text());
    }
    if (message instanceof UserMessage user) {
      long total = 0;
      for (Content content : user.contents()) {
        total += content instanceof TextContent text ? bytes(text.text()) : NON_TEXT_PART;
      }
      return total;
    }
    if (message instanceof AiMessage ai) {
      long total = bytes(ai.text());
      if (ai.toolExecutionRequests() != null) {
        for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
          total += PER_MESSAGE + bytes(call.id()) + bytes(call.name()) + bytes(call.arguments());
        }
      }
      return total;
    }
    if (message instanceof ToolExecutionResultMessage result) {
      return bytes(result.id()) + bytes(result.toolName()) + bytes(result.text());
    }
    return bytes(String.valueOf(message));
  }

  private static long bytes(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }
}
