package io.greenlang.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.greenlang.crds.common.DataClass;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.runtime.llm.audit.RedisStreamSecurityEvents;
import io.greenlang.testsupport.llm.LocalLlmServer;
import io.greenlang.testsupport.llm.Reply;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data residency: the EU Region blocks us-*, cn-* and ap-* and lets only public and business data
 * leave. A call to an endpoint the agent's data class may not reach is never sent; it is refused
 * with a residency error, a WARN log line, a metric and a {@code security.permission_denied} event
 * on the tenant's audit stream.
 */
class ResidencyIT {

  private static GatewayFixture fixture;
  private LocalLlmServer us;
  private LocalLlmServer local;
  private String tenant;
  private SimpleMeterRegistry registry;

  @BeforeAll
  static void fixture() {
    fixture = GatewayFixture.start();
  }

  @AfterAll
  static void closeFixture() {
    fixture.close();
  }

  @BeforeEach
  void servers() {
    us = LocalLlmServer.start(LocalLlmServer.Wire.OPENAI);
    local = LocalLlmServer.start(LocalLlmServer.Wire.OPENAI);
    us.otherwise(Reply.text("From the US.", 10, 3));
    local.otherwise(Reply.text("From the cluster.", 10, 3));
    tenant = fixture.newTenant();
    registry = new SimpleMeterRegistry();
    fixture.apiKey("us", "sk-test-us-0123456789");
  }

  @AfterEach
  void stopServers() {
    us.close();
    local.close();
  }

  private LlmGateway gateway(DataClass dataClass, String usLocation, boolean withLocal) {
    AgentConfigurations agent =
        new AgentConfigurations()
            .endpoint("openai-us", LlmProvider.OPENAI, us.url(), usLocation)
            .endpoint("vllm", LlmProvider.OPENAI_COMPATIBLE, local.url(), "local")
            .link("us", "openai-us", "test-model")
            .dataClass(dataClass);
    if (withLocal) {
      agent.link("in-cluster", "vllm", "llama-3.1-70b-instruct", 512, 30, false);
    }
    return fixture.gateway(agent.build(tenant, "hr-assistant")).meterRegistry(registry).build();
  }

  private static ChatRequest question() {
    return ChatRequest.builder().messages(UserMessage.from("Summarise the employee file.")).build();
  }

  private List<StreamMessage<String, String>> auditEvents() {
    return fixture
        .commands()
        .xrange(RedisStreamSecurityEvents.streamKey(tenant), Range.create("-", "+"));
  }

  @Test
  void personalDataNeverGoesToABlockedLocationAndTheRefusalIsAudited() {
    LlmResult<?> result = gateway(DataClass.PERSONAL, "us-east-1", true).chat(question());

    assertThat(result.link()).isEqualTo("in-cluster");
    assertThat(us.requestCount()).as("nothing was sent to us-east-1").isZero();
    List<StreamMessage<String, String>> events = auditEvents();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getBody())
        .containsEntry("event_type", "security.permission_denied")
        .containsEntry("tenant", tenant)
        .containsEntry("actor", "agent:hr-assistant")
        .containsEntry("target", "llm-endpoint:openai-us")
        .containsEntry("outcome", "denied");
    assertThat(events.get(0).getBody().get("details"))
        .contains("\"data_class\":\"personal\"")
        .contains("\"location\":\"us-east-1\"")
        .contains("blockedTargets us-*")
        .contains(result.requestId().toString());
    assertThat(registry.get("greenlang.llm.errors").tag("kind", "residency").counter().count())
        .isEqualTo(1);
    assertThat(fixture.usage(tenant).get(0))
        .containsEntry("status", "refused")
        .containsEntry("error_kind", "residency");
  }

  @Test
  void withNoAllowedEndpointTheRequestFailsWithAResidencyError() {
    assertThatThrownBy(() -> gateway(DataClass.PERSONAL, "us-east-1", false).chat(question()))
        .isInstanceOf(LlmRefusedException.class)
        .hasMessageContaining("No LLM endpoint of agent hr-assistant may receive its personal data")
        .hasMessageContaining(
            "location us-east-1 is blocked by the Region's residency rule blockedTargets us-*")
        .satisfies(e -> assertThat(((LlmException) e).kind()).isEqualTo(FailureKind.RESIDENCY));
    assertThat(us.requestCount()).isZero();
    assertThat(registry.get("greenlang.llm.refusals").tag("kind", "residency").counter().count())
        .isEqualTo(1);
  }

  @Test
  void theDataClassDecidesWhereAnUnblockedOutsideLocationIsAllowed() {
    assertThat(gateway(DataClass.BUSINESS, "sa-east-1", false).chat(question()).link())
        .isEqualTo("us");

    assertThatThrownBy(() -> gateway(DataClass.PERSONAL, "sa-east-1", false).chat(question()))
        .isInstanceOf(LlmRefusedException.class)
        .hasMessageContaining("personal data must stay in region EU, but sa-east-1 is outside it");
    assertThat(us.requestCount()).isEqualTo(1);
  }
}
