package io.greenlang.runtime.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import io.greenlang.crds.common.SecretKeySelector;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.runtime.llm.FailureKind;
import io.greenlang.runtime.llm.chain.ChainLink;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderFailureClassifierTest {

  private static final String KEY = "sk-proj-abcdefghijklmnop0123456789";
  private static final ChainLink LINK =
      new ChainLink(
          "spec.llm.providers[0]",
          "primary",
          "openai-us",
          LlmProvider.OPENAI,
          "https://api.openai.com/v1",
          "https://api.openai.com/v1",
          "us-east-1",
          "gpt-4o-mini",
          new SecretKeySelector("keys", "openai"),
          1024,
          Duration.ofSeconds(20),
          2);

  private static ProviderFailure classify(Throwable error) {
    return ProviderFailureClassifier.classify(error, LINK, KEY);
  }

  /** langchain4j wraps our HTTP exception as the cause of the one it maps the status to. */
  private static ProviderFailure status(int status, String body, Duration retryAfter) {
    ProviderHttpException http = new ProviderHttpException(status, body, retryAfter);
    RuntimeException mapped =
        status == 429
            ? new RateLimitException(http)
            : status >= 500 ? new InternalServerException(http) : new InvalidRequestException(http);
    return classify(mapped);
  }

  @Test
  void retryableFailuresCarryTheProvidersWait() {
    ProviderFailure limited =
        status(
            429,
            "{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}",
            Duration.ofSeconds(2));
    assertThat(limited.kind()).isEqualTo(FailureKind.RATE_LIMITED);
    assertThat(limited.retryAfter()).hasValue(Duration.ofSeconds(2));
    assertThat(limited.getMessage())
        .isEqualTo(
            "primary (openai-us, openai gpt-4o-mini) answered HTTP 429: rate_limit_exceeded: Rate limit reached");
    assertThat(
            status(
                    529,
                    "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}",
                    null)
                .kind())
        .isEqualTo(FailureKind.SERVER_ERROR);
    assertThat(status(408, "", null).kind()).isEqualTo(FailureKind.TIMEOUT);
    assertThat(classify(new TimeoutException("read timed out")).kind())
        .isEqualTo(FailureKind.TIMEOUT);
    assertThat(
            classify(new UncheckedIOException(new ConnectException("Connection refused"))).kind())
        .isEqualTo(FailureKind.CONNECTION);
    assertThat(classify(new RuntimeException(new HttpConnectTimeoutException("connect"))).kind())
        .isEqualTo(FailureKind.CONNECTION);
    assertThat(FailureKind.CONNECTION.countsAgainstEndpoint()).isTrue();
  }

  @Test
  void rejectionsFailFast() {
    assertThat(status(400, "{\"error\":{\"message\":\"bad\"}}", null).kind())
        .isEqualTo(FailureKind.INVALID_REQUEST);
    assertThat(status(401, "", null).kind()).isEqualTo(FailureKind.AUTHENTICATION);
    assertThat(status(403, "", null).kind()).isEqualTo(FailureKind.AUTHENTICATION);
    assertThat(status(404, "", null).kind()).isEqualTo(FailureKind.MODEL_NOT_FOUND);
    assertThat(
            status(
                    400,
                    "{\"error\":{\"code\":\"content_filter\",\"message\":\"The response was filtered\"}}",
                    null)
                .kind())
        .isEqualTo(FailureKind.CONTENT_POLICY);
    assertThat(FailureKind.AUTHENTICATION.handling()).isEqualTo(FailureKind.Handling.FAIL_REQUEST);
    assertThat(FailureKind.INVALID_REQUEST.countsAgainstEndpoint()).isFalse();
  }

  @Test
  void aFeatureTheProviderLacksSkipsTheLink() {
    assertThat(
            classify(new UnsupportedFeatureException("JSON response format is not supported"))
                .kind())
        .isEqualTo(FailureKind.UNSUPPORTED);
  }

  @Test
  void messagesNeverQuoteTheKeyOrAnythingShapedLikeOne() {
    ProviderFailure failure =
        status(
            401,
            "{\"error\":{\"message\":\"Incorrect API key provided: "
                + KEY
                + ". Also sk-ant-api03-XYZ123abc...\"}}",
            null);

    assertThat(failure.getMessage())
        .doesNotContain(KEY)
        .doesNotContain("sk-ant-api03-XYZ123abc")
        .contains("Incorrect API key provided: [redacted]");
    assertThat(failure.getCause()).isNull();
  }

  @Test
  void quotesAtMost300CharactersOfAnHtmlPage() {
    ProviderFailure failure = status(502, "<html>" + "x".repeat(1000) + "</html>", null);

    assertThat(failure.getMessage()).endsWith("…").hasSizeLessThan(400);
  }
}
