package io.greenlang.testsupport.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAI Chat Completions API's answers: a {@code chat.completion} object, and streamed {@code
 * chat.completion.chunk} events (role, content deltas, {@code tool_calls} deltas with argument
 * fragments, the finish reason, a final chunk with {@code usage} as {@code stream_options:
 * include_usage} asks, then {@code [DONE]}); and {@code embeddings} lists.
 */
final class OpenAiWire {

  private static final long CREATED = 1_764_000_000L;

  private OpenAiWire() {}

  static ObjectNode completion(String id, JsonNode request, Reply.Answer answer) {
    ObjectNode completion = base(id, request, "chat.completion");
    ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    if (answer.text() != null) {
      message.put("content", answer.text());
    } else {
      message.putNull("content");
    }
    if (answer.toolName() != null) {
      ObjectNode call = message.putArray("tool_calls").addObject();
      call.put("id", "call_" + id).put("type", "function");
      call.putObject("function")
          .put("name", answer.toolName())
          .put("arguments", answer.toolArguments());
    }
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason(answer));
    if (answer.reportUsage()) {
      usage(completion.putObject("usage"), answer);
    }
    return completion;
  }

  static List<String> stream(String id, JsonNode request, Reply.Answer answer) {
    List<String> events = new ArrayList<>();
    ObjectNode first = chunk(id, request);
    ((ObjectNode) first.withArray("choices").get(0).get("delta"))
        .put("role", "assistant")
        .put("content", "");
    events.add(data(first));
    if (answer.text() != null) {
      for (String text : LocalLlmServer.chunks(answer.text())) {
        ObjectNode chunk = chunk(id, request);
        ((ObjectNode) chunk.withArray("choices").get(0).get("delta")).put("content", text);
        events.add(data(chunk));
      }
    }
    if (answer.toolName() != null) {
      boolean firstFragment = true;
      for (String fragment : LocalLlmServer.chunks(answer.toolArguments())) {
        ObjectNode chunk = chunk(id, request);
        ObjectNode call =
            ((ObjectNode) chunk.withArray("choices").get(0).get("delta"))
                .putArray("tool_calls")
                .addObject()
                .put("index", 0);
        ObjectNode function = LocalLlmServer.object();
        if (firstFragment) {
          call.put("id", "call_" + id).put("type", "function");
          function.put("name", answer.toolName());
          firstFragment = false;
        }
        function.put("arguments", fragment);
        call.set("function", function);
        events.add(data(chunk));
      }
    }
    ObjectNode last = chunk(id, request);
    ((ObjectNode) last.withArray("choices").get(0)).put("finish_reason", finishReason(answer));
    events.add(data(last));
    if (answer.reportUsage()) {
      ObjectNode usage = base(id, request, "chat.completion.chunk");
      usage.putArray("choices");
      usage(usage.putObject("usage"), answer);
      events.add(data(usage));
    }
    events.add("data: [DONE]\n\n");
    return events;
  }

  static ObjectNode embeddings(JsonNode request) {
    ObjectNode list = LocalLlmServer.object().put("object", "list");
    ArrayNode data = list.putArray("data");
    List<String> inputs = new ArrayList<>();
    if (request.path("input").isArray()) {
      request.path("input").forEach(input -> inputs.add(input.asText()));
    } else {
      inputs.add(request.path("input").asText());
    }
    int tokens = 0;
    for (int i = 0; i < inputs.size(); i++) {
      String input = inputs.get(i);
      tokens += Math.max(1, input.length() / 4);
      ArrayNode vector =
          data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
      // A deterministic unit-free vector: the same text always embeds the same way.
      for (int d = 0; d < 4; d++) {
        vector.add(((input.hashCode() >> (d * 8)) & 0xff) / 255.0);
      }
    }
    list.put("model", request.path("model").asText());
    list.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    return list;
  }

  private static ObjectNode base(String id, JsonNode request, String object) {
    return LocalLlmServer.object()
        .put("id", id)
        .put("object", object)
        .put("created", CREATED)
        .put("model", request.path("model").asText());
  }

  private static ObjectNode chunk(String id, JsonNode request) {
    ObjectNode chunk = base(id, request, "chat.completion.chunk");
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.putObject("delta");
    choice.putNull("logprobs");
    choice.putNull("finish_reason");
    return chunk;
  }

  private static void usage(ObjectNode usage, Reply.Answer answer) {
    usage
        .put("prompt_tokens", answer.inputTokens())
        .put("completion_tokens", answer.outputTokens())
        .put("total_tokens", answer.inputTokens() + answer.outputTokens());
  }

  private static String finishReason(Reply.Answer answer) {
    if (answer.contentFiltered()) {
      return "content_filter";
    }
    return answer.toolName() != null ? "tool_calls" : "stop";
  }

  private static String data(JsonNode chunk) {
    return "data: " + LocalLlmServer.write(chunk) + "\n\n";
  }
}
