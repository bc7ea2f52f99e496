package io.greenlang.testsupport;

import io.lettuce.core.RedisURI;
import java.util.Objects;

/**
 * Where a test Redis server listens and, when it needs them, the credentials to use.
 *
 * <p>{@link #uri()} never carries the password, so it can appear in test output and in
 * configuration that gets logged; pass {@link #password()} separately.
 *
 * @param host host name or address
 * @param port TCP port
 * @param database logical database number
 * @param ssl whether the server expects TLS
 * @param username ACL user, or {@code null} for the default user
 * @param password password, or {@code null} when the server needs none
 */
public record RedisServerAddress(
    String host, int port, int database, boolean ssl, String username, String password) {

  public RedisServerAddress {
    Objects.requireNonNull(host, "host");
  }

  /**
   * Reads a Redis URI such as {@code redis://127.0.0.1:6379} or {@code
   * rediss://user:secret@cache:6380/2}, with Lettuce's parser.
   */
  public static RedisServerAddress fromUri(String uri) {
    RedisURI parsed = RedisURI.create(uri);
    if (parsed.getHost() == null) {
      throw new IllegalArgumentException(
          "A test Redis URI must name a host (sockets and Sentinel are not supported)");
    }
    char[] password = parsed.getPassword();
    return new RedisServerAddress(
        parsed.getHost(),
        parsed.getPort(),
        parsed.getDatabase(),
        parsed.isSsl(),
        parsed.getUsername(),
        password == null ? null : new String(password));
  }

  /** A password-free URI such as {@code redis://127.0.0.1:6379} ({@code /n} for database n). */
  public String uri() {
    return (ssl ? "rediss" : "redis")
        + "://"
        + host
        + ":"
        + port
        + (database == 0 ? "" : "/" + database);
  }

  /** The Lettuce URI including the credentials, for clients that connect in tests. */
  public RedisURI toRedisUri() {
    RedisURI.Builder builder =
        RedisURI.builder().withHost(host).withPort(port).withDatabase(database).withSsl(ssl);
    if (password != null) {
      builder.withAuthentication(username == null ? "default" : username, password);
    }
    return builder.build();
  }

  /** Masks the password: instances end up in assertion messages and logs. */
  @Override
  public String toString() {
    return "RedisServerAddress[uri="
        + uri()
        + ", username="
        + (username == null ? "<default>" : username)
        + ", password="
        + (password == null ? "<none>" : "****")
        + "]";
  }
}
