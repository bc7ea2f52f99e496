package io.greenlang.operator.pipelinerun;

import io.greenlang.operator.region.RedisEndpoint;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One Redis client and shared connection per server the step bus runs on (a Region's shared server,
 * or a tenant's dedicated one), as its administrator reaches it. A server whose password changed
 * gets a new connection and the old one is closed. Blocking reads get connections of their own
 * ({@link #openBlocking}).
 */
@ApplicationScoped
public class StepBusConnections {
  private final ClientResources resources = DefaultClientResources.create();
  private final Duration timeout;
  private final Map<String, Server> servers = new HashMap<>();

  public StepBusConnections(PipelineRunSettings settings) {
    this.timeout = settings.redisTimeout();
  }

  /** Commands on the shared connection to the server. */
  public RedisCommands<String, String> commands(RedisEndpoint endpoint) {
    return server(endpoint).connection.sync();
  }

  /**
   * A new connection for blocking commands (XREAD BLOCK), whose command timeout allows {@code
   * block}; the caller closes it.
   */
  StatefulRedisConnection<String, String> openBlocking(RedisEndpoint endpoint, Duration block) {
    StatefulRedisConnection<String, String> connection = server(endpoint).client.connect();
    connection.setTimeout(block.plus(timeout));
    return connection;
  }

  /** Which server an endpoint is, regardless of its password. */
  static String key(RedisEndpoint endpoint) {
    return endpoint.host()
        + ":"
        + endpoint.port()
        + "/"
        + (endpoint.username() == null ? "" : endpoint.username())
        + (endpoint.tls() ? "/tls" : "");
  }

  private synchronized Server server(RedisEndpoint endpoint) {
    String key = key(endpoint);
    Server known = servers.get(key);
    if (known != null && known.endpoint.equals(endpoint) && known.connection.isOpen()) {
      return known;
    }
    RedisClient client = RedisClient.create(resources, endpoint.toRedisUri(timeout));
    client.setOptions(
        ClientOptions.builder()
            .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
            .build());
    Server server;
    try {
      server = new Server(endpoint, client, client.connect());
    } catch (RuntimeException e) {
      client.shutdown(Duration.ZERO, timeout);
      throw e;
    }
    servers.put(key, server);
    if (known != null) {
      known.close(timeout);
    }
    return server;
  }

  @PreDestroy
  synchronized void close() {
    servers.values().forEach(server -> server.close(timeout));
    servers.clear();
    resources.shutdown();
  }

  private record Server(
      RedisEndpoint endpoint,
      RedisClient client,
      StatefulRedisConnection<String, String> connection) {
    void close(Duration timeout) {
      connection.close();
      client.shutdown(Duration.ZERO, timeout);
    }
  }
}
