package io.greenlang.runtime.llm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.greenlang.runtime.llm.config.ConfiguredLlmGateway;
import io.greenlang.testsupport.PostgresAndRedisTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Without {@code greenlang.agent.configuration-file} the runtime starts and has no gateway. */
@QuarkusTest
@WithTestResource(PostgresAndRedisTestResource.class)
class WithoutAgentIT {

  @Inject ConfiguredLlmGateway configured;

  @Test
  void startsAndSaysThereIsNoAgent() {
    given().when().get("/q/health/ready").then().statusCode(200);
    assertThat(configured.gateway()).isEmpty();
    assertThatIllegalStateException()
        .isThrownBy(configured::require)
        .withMessageContaining("set greenlang.agent.configuration-file (GL_AGENT_CONFIG)");
  }
}
