package io.greenlang.runtime.llm.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import io.greenlang.runtime.llm.FailureKind;
import io.greenlang.runtime.llm.chain.ChainLink;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns whatever a langchain4j client threw into a {@link ProviderFailure}: retryable (timeout,
 * 429, 5xx, connection refused), fail-fast (400, 401, 403, 404, content policy) or skip-the-link (a
 * feature the provider lacks). Messages quote the provider's own error message, shortened and with
 * anything that looks like an API key removed.
 */
public final class ProviderFailureClassifier {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_QUOTE = 300;
  // Shapes of provider API keys: sk-..., sk-proj-..., sk-ant-api03-...; providers echo them masked.
  private static final Pattern KEY_LIKE = Pattern.compile("sk-[A-Za-z0-9_*.\\-]{6,}");

  private ProviderFailureClassifier() {}

  /**
   * Classifies a failed call of {@code link}.
   *
   * @param apiKey the key the call used, removed from any provider text; may be null
   */
  public static ProviderFailure classify(Throwable error, ChainLink link, String apiKey) {
    if (error instanceof ProviderFailure failure) {
      return failure;
    }
    ProviderHttpException withHeaders = find(error, ProviderHttpException.class);
    HttpException http = withHeaders != null ? withHeaders : find(error, HttpException.class);
    if (http != null) {
      return fromStatus(http, withHeaders, link, apiKey);
    }
    if (find(error, HttpConnectTimeoutException.class) != null) {
      return new ProviderFailure(
          FailureKind.CONNECTION, link.describe() + ": connecting to the endpoint timed out");
    }
    if (find(error, TimeoutException.class) != null
        || find(error, HttpTimeoutException.class) != null) {
      return new ProviderFailure(
          FailureKind.TIMEOUT,
          link.describe() + ": no answer within " + link.timeout().toSeconds() + " s");
    }
    if (find(error, ConnectException.class) != null
        || find(error, UnresolvedModelServerException.class) != null
        || find(error, UnresolvedAddressException.class) != null
        || find(error, UnknownHostException.class) != null) {
      return new ProviderFailure(
          FailureKind.CONNECTION, link.describe() + ": cannot connect to the endpoint");
    }
    if (find(error, UnsupportedFeatureException.class) != null) {
      return new ProviderFailure(
          FailureKind.UNSUPPORTED,
          link.describe()
              + ": "
              + scrub(find(error, UnsupportedFeatureException.class).getMessage(), apiKey));
    }
    if (find(error, ContentFilteredException.class) != null) {
      return new ProviderFailure(
          FailureKind.CONTENT_POLICY, link.describe() + ": the provider filtered the content");
    }
    if (find(error, JsonProcessingException.class) != null) {
      return new ProviderFailure(
          FailureKind.PROVIDER_ERROR,
          link.describe() + ": the answer is not in the provider's wire format");
    }
    if (find(error, IOException.class) != null) {
      return new ProviderFailure(
          FailureKind.CONNECTION,
          link.describe() + ": the connection failed (" + rootName(error) + ")");
    }
    return new ProviderFailure(
        FailureKind.PROVIDER_ERROR,
        link.describe()
            + ": unusable answer ("
            + rootName(error)
            + ": "
            + scrub(rootMessage(error), apiKey)
            + ")");
  }

  private static ProviderFailure fromStatus(
      HttpException http, ProviderHttpException withHeaders, ChainLink link, String apiKey) {
    int status = http.statusCode();
    ProviderError detail = ProviderError.of(http.getMessage(), apiKey);
    FailureKind kind = kindOf(status, detail);
    String message =
        link.describe() + " answered HTTP " + status + (detail.isEmpty() ? "" : ": " + detail);
    return new ProviderFailure(
        kind, status, withHeaders == null ? null : withHeaders.retryAfter().orElse(null), message);
  }

  static FailureKind kindOf(int status, ProviderError detail) {
    if (status == 429) {
      return FailureKind.RATE_LIMITED;
    }
    if (status == 408) {
      return FailureKind.TIMEOUT;
    }
    if (status >= 500) {
      return FailureKind.SERVER_ERROR;
    }
    if (status == 401 || status == 403) {
      return FailureKind.AUTHENTICATION;
    }
    if (status == 404) {
      return FailureKind.MODEL_NOT_FOUND;
    }
    if (detail.mentionsContentPolicy()) {
      return FailureKind.CONTENT_POLICY;
    }
    return FailureKind.INVALID_REQUEST;
  }

  /** The error type/code and message of a provider's JSON error body, scrubbed. */
  record ProviderError(String type, String message) {

    static ProviderError of(String body, String apiKey) {
      if (body == null || body.isBlank()) {
        return new ProviderError("", "");
      }
      try {
        JsonNode error = JSON.readTree(body).path("error");
        if (error.isObject()) {
          // OpenAI: {"error": {"message", "type", "code"}}; Anthropic: {"error": {"type",
          // "message"}}
          String type = error.path("code").asText(error.path("type").asText(""));
          return new ProviderError(
              scrub(type, apiKey), scrub(error.path("message").asText(""), apiKey));
        }
      } catch (IOException notJson) {
        // A proxy's HTML or plain-text page: quote it as it is.
      }
      return new ProviderError("", scrub(body, apiKey));
    }

    boolean isEmpty() {
      return type.isEmpty() && message.isEmpty();
    }

    boolean mentionsContentPolicy() {
      String text = (type + " " + message).toLowerCase(Locale.ROOT);
      return text.contains("content_policy")
          || text.contains("content_filter")
          || text.contains("content management policy")
          || text.contains("usage policy")
          || text.contains("safety system");
    }

    @Override
    public String toString() {
      return type.isEmpty() ? message : message.isEmpty() ? type : type + ": " + message;
    }
  }

  /** Removes the API key and anything shaped like one, and shortens the text. */
  static String scrub(String text, String apiKey) {
    if (text == null) {
      return "";
    }
    String scrubbed = text;
    if (apiKey != null && !apiKey.isEmpty()) {
      scrubbed = scrubbed.replace(apiKey, "[redacted]");
    }
    scrubbed = KEY_LIKE.matcher(scrubbed).replaceAll("[redacted]").replaceAll("\\s+", " ").strip();
    return scrubbed.length() > MAX_QUOTE ? scrubbed.substring(0, MAX_QUOTE) + "…" : scrubbed;
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static Throwable root(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String rootName(Throwable error) {
    return root(error).getClass().getSimpleName();
  }

  private static String rootMessage(Throwable error) {
    return String.valueOf(root(error).getMessage());
  }
}
