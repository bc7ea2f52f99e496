package io.greenlang.operator.region;

/**
 * Connection details of a Redis server read from a Region's Secret. {@link #toString()} leaves the
 * password out.
 */
public record RedisEndpoint(String host, int port, String username, String password, boolean tls) {

  /** host:port, for messages. */
  public String describe() {
    return host + ":" + port;
  }

  @Override
  public String toString() {
    return "RedisEndpoint[" + describe() + (tls ? ", tls" : "") + "]";
  }
}
