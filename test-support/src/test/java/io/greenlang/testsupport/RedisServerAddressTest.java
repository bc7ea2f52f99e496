package io.greenlang.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;

class RedisServerAddressTest {

  @Test
  void readsPlainUri() {
    RedisServerAddress address = RedisServerAddress.fromUri("redis://127.0.0.1:6379");

    assertThat(address.host()).isEqualTo("127.0.0.1");
    assertThat(address.port()).isEqualTo(6379);
    assertThat(address.database()).isZero();
    assertThat(address.ssl()).isFalse();
    assertThat(address.username()).isNull();
    assertThat(address.password()).isNull();
    assertThat(address.uri()).isEqualTo("redis://127.0.0.1:6379");
  }

  @Test
  void separatesCredentialsFromTheUri() {
    RedisServerAddress address = RedisServerAddress.fromUri("rediss://alice:s3cret@cache:6380/2");

    assertThat(address.username()).isEqualTo("alice");
    assertThat(address.password()).isEqualTo("s3cret");
    assertThat(address.uri()).isEqualTo("rediss://cache:6380/2").doesNotContain("s3cret");
    assertThat(address.toString()).doesNotContain("s3cret");

    RedisURI lettuce = address.toRedisUri();
    assertThat(lettuce.getUsername()).isEqualTo("alice");
    assertThat(lettuce.getPassword()).containsExactly("s3cret".toCharArray());
    assertThat(lettuce.getDatabase()).isEqualTo(2);
    assertThat(lettuce.isSsl()).isTrue();
  }
}
