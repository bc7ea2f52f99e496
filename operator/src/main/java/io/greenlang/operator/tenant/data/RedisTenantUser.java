package io.greenlang.operator.tenant.data;

import io.greenlang.operator.region.RedisEndpoint;
import io.lettuce.core.AclCategory;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * A tenant's Redis ACL user: on, one password (sent hashed), keys and channels limited to {@code
 * t:<tenant>:*}, every command except the dangerous ones and those that reveal other tenants' key
 * names (KEYS, SCAN, RANDOMKEY). Applied whole each time, so a Redis restart is healed.
 */
@ApplicationScoped
public class RedisTenantUser {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final ClientResources resources = DefaultClientResources.create();

  /** Creates or resets the user with exactly these rights. */
  public void ensure(RedisEndpoint admin, String user, String password, String keyPrefix) {
    AclSetuserArgs rights =
        new AclSetuserArgs()
            .reset()
            .on()
            .addHashedPassword(sha256(password))
            .keyPattern(keyPrefix + "*")
            // Redis 6.2 gives new users every channel (acl-pubsub-default allchannels), and a
            // pattern after that is refused: clear the channels first, as Redis 7 does by default.
            .resetChannels()
            .channelPattern(keyPrefix + "*")
            .allCommands()
            .removeCategory(AclCategory.DANGEROUS)
            .removeCommand(CommandType.KEYS)
            .removeCommand(CommandType.SCAN)
            .removeCommand(CommandType.RANDOMKEY);
    run(admin, redis -> redis.aclSetuser(user, rights));
  }

  /** Whether the user exists. */
  public boolean exists(RedisEndpoint admin, String user) {
    return run(admin, redis -> redis.aclGetuser(user) != null);
  }

  /** Deletes the user and, when {@code deleteKeys}, every key under its prefix. */
  public void delete(RedisEndpoint admin, String user, String keyPrefix, boolean deleteKeys) {
    run(
        admin,
        redis -> {
          redis.aclDeluser(user);
          if (deleteKeys) {
            ScanCursor cursor = ScanCursor.INITIAL;
            ScanArgs match = ScanArgs.Builder.matches(keyPrefix + "*").limit(500);
            do {
              var page = redis.scan(cursor, match);
              if (!page.getKeys().isEmpty()) {
                redis.unlink(page.getKeys().toArray(String[]::new));
              }
              cursor = page;
            } while (!cursor.isFinished());
          }
          return null;
        });
  }

  private <T> T run(RedisEndpoint admin, Function<RedisCommands<String, String>, T> work) {
    RedisClient client = RedisClient.create(resources, admin.toRedisUri(TIMEOUT));
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(false)
            .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
            .build());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return work.apply(connection.sync());
    } finally {
      client.shutdown(Duration.ZERO, TIMEOUT);
    }
  }

  /** Redis stores passwords as SHA-256; sending the hash keeps the clear text off the wire. */
  static String sha256(String password) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  @PreDestroy
  void close() {
    resources.shutdown();
  }
}
