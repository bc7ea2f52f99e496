package io.greenlang.runtime;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.greenlang.runtime.health.PostgresReadinessCheck;
import io.greenlang.runtime.health.RedisReadinessCheck;
import io.greenlang.testsupport.PostgresAndRedisTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runtime started while Redis cannot be reached: it starts, but is not ready. */
@QuarkusTest
@TestProfile(RedisUnavailableIT.ClosedRedisPort.class)
@WithTestResource(PostgresAndRedisTestResource.class)
class RedisUnavailableIT {

  static final String REDIS_PASSWORD = "redis-password-that-must-not-leak";

  /** Points Redis at a port nothing listens on, with a password that must never be shown. */
  public static class ClosedRedisPort implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "greenlang.redis.url",
          "redis://127.0.0.1:" + closedPort(),
          "greenlang.redis.password",
          REDIS_PASSWORD,
          "greenlang.redis.connect-timeout",
          "1s");
    }

    private static int closedPort() {
      // Bound then released: nothing listens there afterwards, so connecting is refused.
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void notReadyAndTheReasonNamesRedisWithoutThePassword() {
    String body =
        given()
            .when()
            .get("/q/health/ready")
            .then()
            .statusCode(503)
            .body("status", is("DOWN"))
            .body(RuntimeHealthIT.check(RedisReadinessCheck.NAME) + ".status", is("DOWN"))
            .body(
                RuntimeHealthIT.check(RedisReadinessCheck.NAME) + ".data.reason",
                containsString("Redis"))
            .body(RuntimeHealthIT.check(PostgresReadinessCheck.NAME) + ".status", is("UP"))
            .extract()
            .asString();

    assertThat(body, not(containsString(REDIS_PASSWORD)));
  }

  @Test
  void stillLive() {
    given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
  }
}
