package io.greenlang.runtime.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisClientProducerTest {

  record Settings(String url, Optional<String> username, Optional<String> password)
      implements RedisSettings {

    @Override
    public Duration connectTimeout() {
      return Duration.ofSeconds(5);
    }

    @Override
    public Duration commandTimeout() {
      return Duration.ofSeconds(2);
    }

    @Override
    public String clientName() {
      return "greenlang-agent-runtime";
    }
  }

  @Test
  void buildsUriFromUrlAndTimeouts() {
    RedisURI uri =
        RedisClientProducer.redisUri(
            new Settings("rediss://cache.example:6380/3", Optional.empty(), Optional.empty()));

    assertThat(uri.getHost()).isEqualTo("cache.example");
    assertThat(uri.getPort()).isEqualTo(6380);
    assertThat(uri.getDatabase()).isEqualTo(3);
    assertThat(uri.isSsl()).isTrue();
    assertThat(uri.getTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(uri.getClientName()).isEqualTo("greenlang-agent-runtime");
    assertThat(uri.getPassword()).isNull();
  }

  @Test
  void addsSeparatelyConfiguredCredentials() {
    RedisURI uri =
        RedisClientProducer.redisUri(
            new Settings("redis://127.0.0.1:6379", Optional.of("t-acme"), Optional.of("s3cret")));

    assertThat(uri.getUsername()).isEqualTo("t-acme");
    assertThat(uri.getPassword()).containsExactly("s3cret".toCharArray());
  }

  @Test
  void passwordAloneAuthenticatesTheDefaultUser() {
    RedisURI uri =
        RedisClientProducer.redisUri(
            new Settings("redis://127.0.0.1:6379", Optional.empty(), Optional.of("s3cret")));

    assertThat(uri.getUsername()).isEqualTo("default");
  }

  @Test
  void refusesPasswordInUrlWithoutEchoingIt() {
    assertThatThrownBy(
            () ->
                RedisClientProducer.redisUri(
                    new Settings(
                        "redis://:s3cret@127.0.0.1:6379", Optional.empty(), Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("greenlang.redis.password")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void refusesUsernameWithoutPassword() {
    assertThatThrownBy(
            () ->
                RedisClientProducer.redisUri(
                    new Settings(
                        "redis://127.0.0.1:6379", Optional.of("t-acme"), Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("greenlang.redis.username");
  }
}
