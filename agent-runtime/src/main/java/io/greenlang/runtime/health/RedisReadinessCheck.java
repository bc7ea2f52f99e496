package io.greenlang.runtime.health;

import io.greenlang.runtime.redis.RedisSettings;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while Redis answers {@code PING} on the runtime's shared connection. */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements HealthCheck {

  /** The name this check reports under in {@code /q/health}. */
  public static final String NAME = "redis";

  private final StatefulRedisConnection<String, String> connection;
  private final RedisSettings settings;

  @Inject
  public RedisReadinessCheck(
      StatefulRedisConnection<String, String> connection, RedisSettings settings) {
    this.connection = connection;
    this.settings = settings;
  }

  @Override
  public HealthCheckResponse call() {
    // The URL carries no credentials (RedisClientProducer refuses one that does).
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named(NAME).withData("url", settings.url());
    try {
      String reply = connection.sync().ping();
      return "PONG".equals(reply)
          ? response.up().build()
          : response.down().withData("reason", "PING answered " + reply).build();
    } catch (RuntimeException e) {
      // Covers both a connection that cannot be opened and a command that fails or times out.
      return response
          .down()
          .withData(
              "reason", HealthFailureReason.describe(e, settings.password().stream().toList()))
          .build();
    }
  }
}
