package io.greenlang.operator.region;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Checks that a Redis server answers PING with the credentials the Region gives it. */
@ApplicationScoped
public class RedisProbe {
  /**
   * One set of event loops for every probe; creating them per probe would cost threads each time.
   */
  private final ClientResources resources = DefaultClientResources.create();

  /** Connects, authenticates if a password is set, sends PING and reports the server version. */
  public ProbeResult probe(RedisEndpoint endpoint, Duration timeout) {
    RedisClient client = RedisClient.create(resources, endpoint.toRedisUri(timeout));
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(false)
            .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
            .build());
    try (var connection = client.connect()) {
      String pong = connection.sync().ping();
      String version = serverVersion(connection.sync().info("server"));
      return ProbeResult.reachable(
          "Connected", "Redis " + version + " at " + endpoint.describe() + " answered " + pong);
    } catch (RuntimeException e) {
      String detail = SecretRedaction.scrub(SecretRedaction.rootMessage(e), endpoint.password());
      String reason =
          detail.contains("WRONGPASS") || detail.contains("NOAUTH") || detail.contains("NOPERM")
              ? "AuthenticationFailed"
              : "ConnectionFailed";
      return ProbeResult.unreachable(reason, "Redis at " + endpoint.describe() + ": " + detail);
    } finally {
      client.shutdown(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static String serverVersion(String info) {
    return info.lines()
        .filter(line -> line.startsWith("redis_version:"))
        .map(line -> line.substring("redis_version:".length()).trim())
        .findFirst()
        .orElse("(version unknown)");
  }

  @PreDestroy
  void close() {
    resources.shutdown();
  }
}
