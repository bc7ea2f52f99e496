package io.greenlang.helm.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind's Argo CD health check against a status of every phase the operator writes. */
class ArgoCdHealthChecksTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ArgoCdHealthChecks checks;

  @BeforeAll
  static void load() throws IOException {
    checks = ArgoCdHealthChecks.load();
  }

  static Stream<Arguments> phases() {
    return Stream.of(
        Arguments.of("Region", "Pending", "Ready", "Unknown", "Progressing"),
        Arguments.of("Region", "Ready", "Ready", "True", "Healthy"),
        Arguments.of("Region", "NotReady", "Ready", "False", "Degraded"),
        Arguments.of("Tenant", "Pending", "Ready", "Unknown", "Progressing"),
        Arguments.of("Tenant", "Provisioning", "Ready", "False", "Progressing"),
        Arguments.of("Tenant", "Ready", "Ready", "True", "Healthy"),
        Arguments.of("Tenant", "Degraded", "Ready", "False", "Degraded"),
        Arguments.of("Tenant", "Failed", "Ready", "False", "Degraded"),
        Arguments.of("Tenant", "Deleting", "Ready", "False", "Progressing"),
        Arguments.of("Agent", "UNINITIALIZED", "Ready", "Unknown", "Progressing"),
        Arguments.of("Agent", "INITIALIZING", "Ready", "False", "Progressing"),
        Arguments.of("Agent", "READY", "Ready", "True", "Healthy"),
        Arguments.of("Agent", "RUNNING", "Ready", "True", "Healthy"),
        Arguments.of("Agent", "PAUSED", "Ready", "False", "Suspended"),
        Arguments.of("Agent", "RESUMING", "Ready", "False", "Progressing"),
        Arguments.of("Agent", "ERROR", "Ready", "False", "Degraded"),
        Arguments.of("Agent", "TERMINATED", "Ready", "False", "Progressing"),
        Arguments.of("Pipeline", "Pending", "Valid", "Unknown", "Progressing"),
        Arguments.of("Pipeline", "Valid", "Valid", "True", "Healthy"),
        Arguments.of("Pipeline", "Invalid", "Valid", "False", "Degraded"));
  }

  @ParameterizedTest(name = "{0} {1} -> {4}")
  @MethodSource("phases")
  void phaseAndConditionGiveTheHealth(
      String kind, String phase, String conditionType, String conditionStatus, String expected) {
    JsonNode object = object(kind, 3, 3, phase, condition(conditionType, conditionStatus, phase));

    ArgoCdHealthChecks.Health health = checks.evaluate(kind, object);

    assertThat(health.status()).isEqualTo(expected);
    assertThat(health.message()).contains(phase + "Reason").contains("because of " + phase);
  }

  static Stream<Arguments> runOutcomes() {
    return Stream.of(
        Arguments.of("Pending", "Unknown", "Queued", "Progressing"),
        Arguments.of("Running", "Unknown", "Running", "Progressing"),
        Arguments.of("Succeeded", "True", "Succeeded", "Healthy"),
        Arguments.of("Failed", "False", "Failed", "Degraded"),
        Arguments.of("TimedOut", "False", "TimedOut", "Degraded"),
        Arguments.of("Cancelled", "False", "Cancelled", "Suspended"));
  }

  @ParameterizedTest(name = "PipelineRun {2} -> {3}")
  @MethodSource("runOutcomes")
  void aRunsSucceededConditionGivesItsHealth(
      String phase, String status, String reason, String expected) {
    ObjectNode succeeded = condition("Succeeded", status, phase);
    succeeded.put("reason", reason);

    ArgoCdHealthChecks.Health health =
        checks.evaluate("PipelineRun", object("PipelineRun", 1, 1, phase, succeeded));

    assertThat(health.status()).isEqualTo(expected);
    assertThat(health.message()).startsWith(reason + ": ");
  }

  @Test
  void withoutStatusEveryKindIsProgressing() {
    for (String kind : kinds()) {
      ObjectNode object = JSON.createObjectNode();
      object.putObject("metadata").put("name", "x").put("generation", 1);

      assertThat(checks.evaluate(kind, object).status()).as(kind).isEqualTo("Progressing");
    }
  }

  @Test
  void aStatusOfAnOlderGenerationIsProgressingWhateverItSays() {
    for (String kind : kinds()) {
      String phase = kind.equals("Agent") ? "READY" : kind.equals("Pipeline") ? "Valid" : "Ready";
      JsonNode stale = object(kind, 4, 3, phase, condition("Ready", "True", phase));

      ArgoCdHealthChecks.Health health = checks.evaluate(kind, stale);

      assertThat(health.status()).as(kind).isEqualTo("Progressing");
      assertThat(health.message()).contains("generation 4");
    }
  }

  @Test
  void thereIsOneCheckForEachOfTheFiveKindsAndNoOther() {
    List<String> keys = new ArrayList<>();
    checks.scripts().forEachRemaining(e -> keys.add(e.getKey()));

    assertThat(keys)
        .containsExactlyInAnyOrderElementsOf(
            kinds().stream().map(k -> ArgoCdHealthChecks.KEY_PREFIX + k).toList());
  }

  private static List<String> kinds() {
    return List.of("Region", "Tenant", "Agent", "Pipeline", "PipelineRun");
  }

  private static ObjectNode condition(String type, String status, String phase) {
    ObjectNode condition = JSON.createObjectNode();
    condition.put("type", type);
    condition.put("status", status);
    condition.put("reason", phase + "Reason");
    condition.put("message", "because of " + phase);
    return condition;
  }

  private static JsonNode object(
      String kind, long generation, long observedGeneration, String phase, ObjectNode condition) {
    ObjectNode object = JSON.createObjectNode();
    object.put("apiVersion", "greenlang.io/v1alpha1").put("kind", kind);
    object.putObject("metadata").put("name", "sample").put("generation", generation);
    ObjectNode status = object.putObject("status");
    status.put("phase", phase).put("observedGeneration", observedGeneration);
    ArrayNode conditions = status.putArray("conditions");
    conditions.add(condition);
    return object;
  }
}
