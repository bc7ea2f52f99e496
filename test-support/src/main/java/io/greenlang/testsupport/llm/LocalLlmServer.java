package io.greenlang.testsupport.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP server on a random loopback port that speaks an LLM provider's real wire format: the
 * Anthropic Messages API ({@code POST /v1/messages}) or the OpenAI Chat Completions and Embeddings
 * APIs ({@code POST .../chat/completions}, {@code .../embeddings}, also under Azure's {@code
 * /openai/deployments/<name>/}), each with server-sent-event streaming and tool calls. What it
 * answers is scripted with {@link Reply}; every request is recorded.
 */
public final class LocalLlmServer implements AutoCloseable {

  /** The wire format the server speaks. */
  public enum Wire {
    ANTHROPIC,
    OPENAI
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // The JDK server sends headers and body in separate writes; with Nagle's algorithm on, the
    // body then waits for the client's delayed ACK (about 40 ms) and every call looks slow. The
    // setting is read once, when the JVM's first JDK HTTP server is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Wire wire;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ConcurrentLinkedQueue<Reply> queue = new ConcurrentLinkedQueue<>();
  private final List<RecordedLlmRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong ids = new AtomicLong();
  private volatile Reply otherwise;

  private LocalLlmServer(Wire wire, int threads) throws IOException {
    this.wire = wire;
    this.otherwise = Reply.text("Hello from " + wire.name().toLowerCase(Locale.ROOT));
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    this.executor = Executors.newFixedThreadPool(threads);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a server with 64 request threads. */
  public static LocalLlmServer start(Wire wire) {
    return start(wire, 64);
  }

  public static LocalLlmServer start(Wire wire, int threads) {
    try {
      return new LocalLlmServer(wire, threads);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start a local " + wire + " server", e);
    }
  }

  /** The URL a Region's llmEndpoints entry names: the API root, with /v1 for OpenAI. */
  public String url() {
    return rootUrl() + (wire == Wire.OPENAI ? "/v1" : "");
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String rootUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public Wire wire() {
    return wire;
  }

  /** Replies for the next chat requests, in order; then {@link #otherwise(Reply)}. */
  public void enqueue(Reply... replies) {
    queue.addAll(List.of(replies));
  }

  /** The reply to chat requests when nothing is enqueued. */
  public void otherwise(Reply reply) {
    this.otherwise = reply;
  }

  /** Every request received so far. */
  public List<RecordedLlmRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public int requestCount() {
    return requests.size();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      Map<String, List<String>> headers = new HashMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      String path = exchange.getRequestURI().getPath();
      requests.add(
          new RecordedLlmRequest(
              exchange.getRequestMethod(),
              path,
              exchange.getRequestURI().getRawQuery(),
              headers,
              body,
              Instant.now()));
      if (wire == Wire.OPENAI && path.endsWith("/embeddings")) {
        json(exchange, 200, OpenAiWire.embeddings(body), Map.of());
        return;
      }
      boolean chat =
          wire == Wire.ANTHROPIC ? path.equals("/v1/messages") : path.endsWith("/chat/completions");
      if (!chat || !"POST".equals(exchange.getRequestMethod())) {
        json(exchange, 404, error(404, "not_found_error", "No route " + path), Map.of());
        return;
      }
      Reply reply = queue.poll();
      reply(exchange, body, reply == null ? otherwise : reply);
    }
  }

  private void reply(HttpExchange exchange, JsonNode request, Reply reply) throws IOException {
    if (reply instanceof Reply.Computed computed) {
      reply(exchange, request, computed.reply().apply(request));
    } else if (reply instanceof Reply.Delayed delayed) {
      try {
        Thread.sleep(delayed.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      reply(exchange, request, delayed.then());
    } else if (reply instanceof Reply.Error error) {
      json(
          exchange,
          error.status(),
          error(error.status(), error.type(), error.message()),
          error.headers());
    } else if (reply instanceof Reply.StreamError broken) {
      sse(exchange, AnthropicWire.streamError("msg_" + ids.incrementAndGet(), request, broken));
    } else if (reply instanceof Reply.Answer answer) {
      String id = (wire == Wire.ANTHROPIC ? "msg_" : "chatcmpl-") + ids.incrementAndGet();
      Reply.Answer resolved = resolveTokens(answer, request);
      if (request.path("stream").asBoolean(false)) {
        sse(
            exchange,
            wire == Wire.ANTHROPIC
                ? AnthropicWire.stream(id, request, resolved)
                : OpenAiWire.stream(id, request, resolved));
      } else {
        json(
            exchange,
            200,
            wire == Wire.ANTHROPIC
                ? AnthropicWire.message(id, request, resolved)
                : OpenAiWire.completion(id, request, resolved),
            Map.of());
      }
    }
  }

  private Reply.Answer resolveTokens(Reply.Answer answer, JsonNode request) {
    if (answer.outputTokens() >= 0) {
      return answer;
    }
    int allowed = request.path("max_tokens").asInt(request.path("max_completion_tokens").asInt(16));
    return new Reply.Answer(
        answer.text(),
        answer.toolName(),
        answer.toolArguments(),
        answer.inputTokens(),
        allowed,
        answer.contentFiltered(),
        answer.reportUsage());
  }

  private ObjectNode error(int status, String type, String message) {
    ObjectNode error = JSON.createObjectNode();
    if (wire == Wire.ANTHROPIC) {
      error.put("type", "error");
      error.putObject("error").put("type", type).put("message", message);
    } else {
      error
          .putObject("error")
          .put("message", message)
          .put("type", type)
          .putNull("param")
          .put("code", type);
    }
    return error;
  }

  private static void json(
      HttpExchange exchange, int status, JsonNode body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void sse(HttpExchange exchange, List<String> events) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    for (String event : events) {
      out.write(event.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  /** Splits text into a few chunks, as providers stream it. */
  static List<String> chunks(String text) {
    List<String> chunks = new ArrayList<>();
    int size = Math.max(1, (text.length() + 2) / 3);
    for (int i = 0; i < text.length(); i += size) {
      chunks.add(text.substring(i, Math.min(text.length(), i + size)));
    }
    return chunks;
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static ArrayNode array() {
    return JSON.createArrayNode();
  }

  static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
