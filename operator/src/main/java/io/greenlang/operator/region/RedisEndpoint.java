package io.greenlang.operator.region;

import io.lettuce.core.RedisURI;
import java.time.Duration;

/**
 * Connection details of a Redis server read from a Region's Secret. {@link #toString()} leaves the
 * password out.
 */
public record RedisEndpoint(String host, int port, String username, String password, boolean tls) {

  /** A lettuce URI for this endpoint, with its credentials and the given timeout. */
  public RedisURI toRedisUri(Duration timeout) {
    RedisURI.Builder uri =
        RedisURI.builder().withHost(host).withPort(port).withSsl(tls).withTimeout(timeout);
    if (password != null) {
      uri =
          username == null
              ? uri.withPassword(password.toCharArray())
              : uri.withAuthentication(username, password.toCharArray());
    }
    return uri.build();
  }

  /** host:port, for messages. */
  public String describe() {
    return host + ":" + port;
  }

  @Override
  public String toString() {
    return "RedisEndpoint[" + describe() + (tls ? ", tls" : "") + "]";
  }
}
