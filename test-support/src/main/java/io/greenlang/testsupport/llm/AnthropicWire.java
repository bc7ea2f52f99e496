package io.greenlang.testsupport.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Anthropic Messages API's answers: a {@code message} object, and the streamed event sequence
 * {@code message_start}, {@code content_block_start}/{@code _delta}/{@code _stop} (text deltas,
 * {@code input_json_delta} for tool input), {@code message_delta} with the stop reason and output
 * usage, {@code message_stop}.
 */
final class AnthropicWire {

  private AnthropicWire() {}

  static ObjectNode message(String id, JsonNode request, Reply.Answer answer) {
    ObjectNode message = start(id, request);
    ArrayNode content = message.putArray("content");
    if (answer.text() != null) {
      content.addObject().put("type", "text").put("text", answer.text());
    }
    if (answer.toolName() != null) {
      content
          .addObject()
          .put("type", "tool_use")
          .put("id", "toolu_" + id)
          .put("name", answer.toolName())
          .set("input", LocalLlmServer.parse(answer.toolArguments()));
    }
    message.put("stop_reason", stopReason(answer));
    message.putNull("stop_sequence");
    usage(message.putObject("usage"), answer, answer.outputTokens());
    return message;
  }

  static List<String> stream(String id, JsonNode request, Reply.Answer answer) {
    List<String> events = new ArrayList<>();
    ObjectNode start = start(id, request);
    start.putArray("content");
    start.putNull("stop_reason");
    start.putNull("stop_sequence");
    usage(start.putObject("usage"), answer, 1);
    ObjectNode messageStart = LocalLlmServer.object().put("type", "message_start");
    messageStart.set("message", start);
    events.add(event("message_start", messageStart));
    int index = 0;
    if (answer.text() != null) {
      events.add(blockStart(index, LocalLlmServer.object().put("type", "text").put("text", "")));
      events.add(event("ping", LocalLlmServer.object().put("type", "ping")));
      for (String chunk : LocalLlmServer.chunks(answer.text())) {
        events.add(
            delta(index, LocalLlmServer.object().put("type", "text_delta").put("text", chunk)));
      }
      events.add(blockStop(index++));
    }
    if (answer.toolName() != null) {
      ObjectNode block =
          LocalLlmServer.object()
              .put("type", "tool_use")
              .put("id", "toolu_" + id)
              .put("name", answer.toolName());
      block.putObject("input");
      events.add(blockStart(index, block));
      for (String chunk : LocalLlmServer.chunks(answer.toolArguments())) {
        events.add(
            delta(
                index,
                LocalLlmServer.object()
                    .put("type", "input_json_delta")
                    .put("partial_json", chunk)));
      }
      events.add(blockStop(index));
    }
    ObjectNode messageDelta = LocalLlmServer.object().put("type", "message_delta");
    messageDelta.putObject("delta").put("stop_reason", stopReason(answer)).putNull("stop_sequence");
    if (answer.reportUsage()) {
      messageDelta.putObject("usage").put("output_tokens", answer.outputTokens());
    }
    events.add(event("message_delta", messageDelta));
    events.add(event("message_stop", LocalLlmServer.object().put("type", "message_stop")));
    return events;
  }

  static List<String> streamError(String id, JsonNode request, Reply.StreamError broken) {
    Reply.Answer partial = new Reply.Answer(broken.firstText(), null, null, 10, 1, false, true);
    List<String> events = new ArrayList<>(stream(id, request, partial));
    // Keep message_start, the text block's start, ping and first delta; then the error event.
    List<String> cut = new ArrayList<>(events.subList(0, 4));
    ObjectNode error = LocalLlmServer.object().put("type", "error");
    error.putObject("error").put("type", broken.type()).put("message", broken.message());
    cut.add(event("error", error));
    return cut;
  }

  private static ObjectNode start(String id, JsonNode request) {
    return LocalLlmServer.object()
        .put("id", id)
        .put("type", "message")
        .put("role", "assistant")
        .put("model", request.path("model").asText());
  }

  private static void usage(ObjectNode usage, Reply.Answer answer, int outputTokens) {
    if (answer.reportUsage()) {
      usage.put("input_tokens", answer.inputTokens()).put("output_tokens", outputTokens);
    }
  }

  private static String stopReason(Reply.Answer answer) {
    if (answer.contentFiltered()) {
      return "refusal";
    }
    return answer.toolName() != null ? "tool_use" : "end_turn";
  }

  private static String blockStart(int index, ObjectNode block) {
    ObjectNode data =
        LocalLlmServer.object().put("type", "content_block_start").put("index", index);
    data.set("content_block", block);
    return event("content_block_start", data);
  }

  private static String delta(int index, ObjectNode delta) {
    ObjectNode data =
        LocalLlmServer.object().put("type", "content_block_delta").put("index", index);
    data.set("delta", delta);
    return event("content_block_delta", data);
  }

  private static String blockStop(int index) {
    return event(
        "content_block_stop",
        LocalLlmServer.object().put("type", "content_block_stop").put("index", index));
  }

  private static String event(String name, JsonNode data) {
    return "event: " + name + "\ndata: " + LocalLlmServer.write(data) + "\n\n";
  }
}
