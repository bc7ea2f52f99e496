package io.greenlang.runtime.llm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.agroal.api.AgroalDataSource;
import io.greenlang.runtime.llm.config.ConfiguredLlmGateway;
import io.greenlang.runtime.llm.usage.UsageTotals;
import io.greenlang.testsupport.PostgresAndRedisTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runtime as an agent's pod runs it: the agent's {@code agent.yaml} and API key mounted, the
 * gateway built from them with the runtime's Redis, datasource (schema migrated at start, V3
 * included) and Prometheus registry, and SmallRye Fault Tolerance from the Quarkus extension.
 */
@QuarkusTest
@WithTestResource(PostgresAndRedisTestResource.class)
@WithTestResource(LocalAgentTestResource.class)
class ConfiguredLlmGatewayIT {

  @Inject ConfiguredLlmGateway configured;
  @Inject AgroalDataSource dataSource;

  @Test
  void answersRecordsUsageAndExportsTheGatewayMetrics() throws Exception {
    LlmGateway gateway = configured.require();
    assertThat(gateway.chain().agent()).isEqualTo(LocalAgentTestResource.AGENT);

    LlmResult<ChatResponse> result =
        gateway.chat(ChatRequest.builder().messages(UserMessage.from("What is CBAM?")).build());

    assertThat(result.value().aiMessage().text()).isEqualTo("CBAM puts a carbon price on imports.");
    // gpt-4o-mini at the shipped prices: 1,200 x 0.00015 + 300 x 0.0006 per 1K.
    assertThat(result.cost()).isEqualByComparingTo("0.00036");
    assertThat(LocalAgentTestResource.provider.requests().get(0).header("Authorization"))
        .isEqualTo("Bearer sk-test-runtime-0123456789");
    List<UsageTotals.Total> month =
        new UsageTotals(dataSource).month(YearMonth.from(ZonedDateTime.now(ZoneOffset.UTC)));
    assertThat(month)
        .singleElement()
        .satisfies(
            total -> {
              assertThat(total.tenant()).isEqualTo(LocalAgentTestResource.tenant);
              assertThat(total.calls()).isEqualTo(1);
              assertThat(total.cost()).isEqualByComparingTo("0.00036");
            });

    String metrics =
        given()
            .accept("text/plain; version=0.0.4")
            .when()
            .get("/q/metrics")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(metrics)
        .contains("greenlang_llm_requests_total{")
        .contains("tenant=\"" + LocalAgentTestResource.tenant + "\"")
        .contains("greenlang_llm_request_duration_seconds_bucket{")
        .contains("greenlang_llm_tokens_total{")
        .contains("greenlang_llm_cost_usd_total{")
        .contains("greenlang_llm_circuit_state{")
        .contains("greenlang_llm_budget_spent_usd{")
        .contains("greenlang_llm_budget_limit_usd{");
  }
}
