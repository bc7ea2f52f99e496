package io.greenlang.runtime.llm.provider;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * The langchain4j {@link HttpClient} the gateway gives every provider client: the JDK HTTP client,
 * with a failed answer raised as {@link ProviderHttpException} so that the provider's {@code
 * Retry-After} reaches the retry policy, and timeouts raised as langchain4j's {@link
 * TimeoutException}. It logs nothing: request headers carry the API key.
 */
public final class ProviderHttpClient implements HttpClient {

  private final java.net.http.HttpClient client;
  private final Duration readTimeout;
  private final Clock clock;

  ProviderHttpClient(java.net.http.HttpClient client, Duration readTimeout, Clock clock) {
    this.client = client;
    this.readTimeout = readTimeout;
    this.clock = clock;
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    HttpResponse<byte[]> response;
    try {
      response = client.send(toJdk(request), BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new TimeoutException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the provider", e);
    }
    if (!successful(response)) {
      throw failure(response, new String(response.body(), StandardCharsets.UTF_8));
    }
    return success(response, response.body());
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    client
        .sendAsync(toJdk(request), BodyHandlers.ofInputStream())
        .thenAccept(response -> stream(response, parser, listener))
        .exceptionally(
            error -> {
              Throwable cause = error instanceof CompletionException ? error.getCause() : error;
              listener.onError(
                  cause instanceof HttpTimeoutException ? new TimeoutException(cause) : cause);
              return null;
            });
  }

  private void stream(
      HttpResponse<InputStream> response,
      ServerSentEventParser parser,
      ServerSentEventListener listener) {
    try (InputStream body = response.body()) {
      if (!successful(response)) {
        listener.onError(
            failure(response, new String(body.readAllBytes(), StandardCharsets.UTF_8)));
        return;
      }
      listener.onOpen(success(response, null));
      parser.parse(body, listener);
      listener.onClose();
    } catch (IOException e) {
      listener.onError(e);
    }
  }

  private java.net.http.HttpRequest toJdk(HttpRequest request) {
    java.net.http.HttpRequest.Builder builder =
        java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
    request.headers().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
    if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
      // No gateway operation uploads files (audio, images); refuse rather than send a wrong body.
      throw new IllegalArgumentException(
          "Multipart requests are not supported by the LLM gateway: " + request.url());
    }
    builder.method(
        request.method().name(),
        request.body() == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
    if (readTimeout != null) {
      builder.timeout(readTimeout);
    }
    return builder.build();
  }

  private ProviderHttpException failure(HttpResponse<?> response, String body) {
    return new ProviderHttpException(
        response.statusCode(),
        body,
        RetryAfter.parse(
                response.headers().firstValue("retry-after-ms"),
                response.headers().firstValue("retry-after"),
                clock.instant())
            .orElse(null));
  }

  private static SuccessfulHttpResponse success(HttpResponse<?> response, byte[] body) {
    return SuccessfulHttpResponse.builder()
        .statusCode(response.statusCode())
        .headers(response.headers().map())
        .body(body)
        .build();
  }

  private static boolean successful(HttpResponse<?> response) {
    return response.statusCode() >= 200 && response.statusCode() < 300;
  }
}
