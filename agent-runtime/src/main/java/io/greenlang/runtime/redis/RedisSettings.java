package io.greenlang.runtime.redis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How the runtime reaches Redis ({@code greenlang.redis.*}).
 *
 * <p>Credentials are separate from {@link #url()} so the URL can be logged and shown in health
 * output without exposing the password.
 */
@ConfigMapping(prefix = "greenlang.redis")
public interface RedisSettings {

  /** Redis URI without credentials, e.g. {@code redis://redis:6379} or {@code rediss://host/1}. */
  String url();

  /** ACL user name; the server's {@code default} user when absent. */
  Optional<String> username();

  /** Password of {@link #username()} (or of the default user); never part of {@link #url()}. */
  Optional<String> password();

  /** How long to wait for a TCP connection to be established. */
  @WithDefault("5s")
  Duration connectTimeout();

  /** How long a command may take before it fails, the readiness {@code PING} included. */
  @WithDefault("5s")
  Duration commandTimeout();

  /** The name this client gives itself ({@code CLIENT SETNAME}), visible in {@code CLIENT LIST}. */
  @WithDefault("greenlang-agent-runtime")
  String clientName();
}
