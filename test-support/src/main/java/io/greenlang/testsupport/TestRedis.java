package io.greenlang.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;
import redis.embedded.core.PortProvider;

/**
 * The Redis server tests use: the one named by {@value #URL_VARIABLE} when that is set, otherwise
 * an embedded Redis on a free port, started once per JVM and stopped when the JVM exits.
 */
public final class TestRedis {

  /** Environment variable holding a Redis URI, e.g. {@code redis://127.0.0.1:6379}. */
  public static final String URL_VARIABLE = "GL_REDIS_URL";

  private static final String LOOPBACK = "127.0.0.1";

  private static RedisServerAddress server;

  private TestRedis() {}

  /** The server, starting the embedded one on first use when no URL is configured. */
  public static synchronized RedisServerAddress server() {
    if (server == null) {
      String url = System.getenv(URL_VARIABLE);
      server =
          url == null || url.isBlank() ? startEmbedded() : RedisServerAddress.fromUri(url.strip());
    }
    return server;
  }

  private static RedisServerAddress startEmbedded() {
    int port = PortProvider.newEphemeralPortProvider().get();
    RedisServer embedded;
    try {
      embedded =
          RedisServer.newRedisServer()
              .port(port)
              .bind(LOOPBACK)
              // No snapshots: test data is throwaway and the working directory must stay clean.
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      embedded.start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start an embedded Redis on port "
              + port
              + "; set "
              + URL_VARIABLE
              + " to use a running server instead",
          e);
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stopQuietly(embedded), "gl-test-redis-stop"));
    return new RedisServerAddress(LOOPBACK, port, 0, false, null, null);
  }

  private static void stopQuietly(RedisServer embedded) {
    try {
      embedded.stop();
    } catch (IOException e) {
      System.err.println("Embedded Redis did not stop cleanly: " + e);
    }
  }
}
