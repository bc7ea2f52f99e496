package io.greenlang.runtime.llm.provider;

import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds a {@link ProviderHttpClient} for one langchain4j model. The model sets both timeouts to
 * the chain link's timeout; the connect timeout is capped at the gateway's {@code connect-timeout}
 * so that an unreachable endpoint is failed over quickly even when a link allows slow answers.
 */
public final class ProviderHttpClientBuilder implements HttpClientBuilder {

  private final Clock clock;
  private final Duration maxConnectTimeout;
  private Duration connectTimeout;
  private Duration readTimeout;

  public ProviderHttpClientBuilder(Clock clock, Duration maxConnectTimeout) {
    this.clock = clock;
    this.maxConnectTimeout = maxConnectTimeout;
    this.connectTimeout = maxConnectTimeout;
  }

  @Override
  public Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public ProviderHttpClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout =
        timeout == null || timeout.compareTo(maxConnectTimeout) > 0 ? maxConnectTimeout : timeout;
    return this;
  }

  @Override
  public Duration readTimeout() {
    return readTimeout;
  }

  @Override
  public ProviderHttpClientBuilder readTimeout(Duration timeout) {
    this.readTimeout = timeout;
    return this;
  }

  @Override
  public ProviderHttpClient build() {
    java.net.http.HttpClient.Builder jdk =
        java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER);
    if (connectTimeout != null) {
      jdk.connectTimeout(connectTimeout);
    }
    return new ProviderHttpClient(jdk.build(), readTimeout, clock);
  }
}
