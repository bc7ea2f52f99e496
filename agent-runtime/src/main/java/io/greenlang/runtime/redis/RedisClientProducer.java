package io.greenlang.runtime.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.metrics.MicrometerCommandLatencyRecorder;
import io.lettuce.core.metrics.MicrometerOptions;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Creates the runtime's Lettuce {@link RedisClient} and the shared {@link StatefulRedisConnection}
 * from {@link RedisSettings}, and closes both when the application stops.
 */
@ApplicationScoped
public class RedisClientProducer {

  /**
   * The client, created at startup so a misconfigured URL stops the application at once. It does
   * not connect: a Redis that is down must make the runtime unready, not stop it from starting.
   */
  @Produces
  @Singleton
  @Startup
  RedisClient redisClient(RedisSettings settings, MeterRegistry meterRegistry) {
    ClientResources resources =
        ClientResources.builder()
            .commandLatencyRecorder(
                new MicrometerCommandLatencyRecorder(meterRegistry, MicrometerOptions.create()))
            .build();
    RedisClient client = RedisClient.create(resources, redisUri(settings));
    client.setOptions(
        ClientOptions.builder()
            .socketOptions(
                SocketOptions.builder().connectTimeout(settings.connectTimeout()).build())
            .build());
    return client;
  }

  void shutDown(@Disposes RedisClient client) {
    client.shutdown();
    // Resources passed in from outside are not the client's to release.
    client.getResources().shutdown();
  }

  /**
   * The connection every component shares (Lettuce connections are thread-safe). Being
   * application-scoped, it is opened on first use and, if opening fails, tried again on the next
   * use; once open, Lettuce reconnects it by itself after a network failure.
   */
  @Produces
  @ApplicationScoped
  StatefulRedisConnection<String, String> redisConnection(RedisClient client) {
    return client.connect();
  }

  void close(@Disposes StatefulRedisConnection<String, String> connection) {
    connection.close();
  }

  /**
   * The Lettuce URI for {@code settings}: the URL plus the separately configured credentials.
   *
   * @throws IllegalArgumentException when the URL itself carries a password, or a user name comes
   *     without a password
   */
  static RedisURI redisUri(RedisSettings settings) {
    RedisURI fromUrl = RedisURI.create(settings.url());
    if (fromUrl.getPassword() != null) {
      throw new IllegalArgumentException(
          "greenlang.redis.url must not contain a password; set greenlang.redis.password"
              + " (GL_REDIS_PASSWORD) instead, so the URL can be logged safely");
    }
    RedisURI.Builder uri =
        RedisURI.builder(fromUrl)
            .withTimeout(settings.commandTimeout())
            .withClientName(settings.clientName());
    if (settings.password().isPresent()) {
      uri.withAuthentication(settings.username().orElse("default"), settings.password().get());
    } else if (settings.username().isPresent()) {
      throw new IllegalArgumentException(
          "greenlang.redis.username is set but greenlang.redis.password is not; Redis"
              + " authenticates a user only with its password");
    }
    return uri.build();
  }
}
