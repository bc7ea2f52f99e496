package io.greenlang.runtime.worker;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepResult.Outcome;
import io.greenlang.crds.runtime.StepStreams;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.memory.AgentMemoryStore;
import io.greenlang.runtime.worker.tools.CsvValidationTool;
import io.greenlang.runtime.worker.tools.ReportTool;
import io.greenlang.testsupport.TestRedis;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The agent runtime started with an agent configuration: its step workers take tasks from the
 * agent's stream with the built-in tools, report metrics and readiness, and its tools' memory is
 * the tenant's.
 */
@QuarkusTest
@WithTestResource(WorkerApplicationTestResource.class)
class StepWorkerServiceIT {

  @Inject StepWorkerService service;

  @Test
  void runsTheCbamIntakeAndReportStepsAndReportsMetrics() throws Exception {
    String tenant = service.agent().orElseThrow().getTenant();
    String runUid = "run-" + TenantDatabase.randomHex(4);
    try (RedisClient client = RedisClient.create(TestRedis.server().toRedisUri());
        var connection = client.connect()) {
      var redis = connection.sync();
      StepTask intake =
          task(
              tenant, runUid, "intake", CsvValidationTool.NAME, Map.of("csv", CbamShipments.VALID));
      redis.xadd(
          StepStreams.tasks(tenant, WorkerApplicationTestResource.AGENT),
          Map.of(StepStreams.PAYLOAD_FIELD, CanonicalJson.MAPPER.writeValueAsString(intake)));
      List<StepResult> afterIntake = awaitResults(redis, tenant, runUid, 1);
      assertThat(afterIntake.get(0).outcome()).isEqualTo(Outcome.SUCCEEDED);

      StepTask report =
          task(
              tenant,
              runUid,
              "report",
              ReportTool.NAME,
              Map.of(
                  "rows", afterIntake.get(0).outputs().get("rows"),
                  "columns", afterIntake.get(0).outputs().get("columns"),
                  "title", "Q1"));
      redis.xadd(
          StepStreams.tasks(tenant, WorkerApplicationTestResource.AGENT),
          Map.of(StepStreams.PAYLOAD_FIELD, CanonicalJson.MAPPER.writeValueAsString(report)));
      StepResult reported = awaitResults(redis, tenant, runUid, 2).get(1);

      assertThat(reported.outcome()).isEqualTo(Outcome.SUCCEEDED);
      assertThat((String) reported.outputs().get("csv"))
          .startsWith("shipment_id,cn_code,country_of_origin,net_mass_tonnes,installation\n")
          .contains("S-001,72085120,CN,120.500,Baotou Steel");
      @SuppressWarnings("unchecked")
      Map<String, Object> document = (Map<String, Object>) reported.outputs().get("report");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> sources = (List<Map<String, Object>>) document.get("sources");
      assertThat(sources)
          .singleElement()
          .satisfies(
              source ->
                  assertThat(source)
                      .containsEntry("step", "intake")
                      .containsEntry("outputHash", afterIntake.get(0).outputHash())
                      .containsEntry("provenanceHash", afterIntake.get(0).provenanceHash()));
    }

    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern(
            "greenlang_worker_tasks_succeeded_total\\{[^}]*tenant=\"" + tenant + "\"[^}]*\\} 2.0")
        .contains("greenlang_worker_tasks_consumed_total")
        .contains("greenlang_worker_task_duration_seconds_bucket")
        .contains("greenlang_worker_pending");
  }

  @Test
  void readyWithBothWorkerLoops() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(check(StepWorkerReadinessCheck.NAME) + ".status", is("UP"))
        .body(check(StepWorkerReadinessCheck.NAME) + ".data.workers", is(2));
    assertThat(service.workers()).hasSize(2).allMatch(StepWorker::isAlive);
  }

  @Test
  void toolsGetTheAgentsMemoryLimitedByItsSpec() {
    AgentMemoryStore memory = service.memory().orElseThrow();
    for (int i = 1; i <= 3; i++) {
      memory.remember("conv-1", JsonNodeFactory.instance.objectNode().put("turn", i));
      memory.record("conv-1", JsonNodeFactory.instance.objectNode().put("episode", i));
    }
    memory.record("conv-2", JsonNodeFactory.instance.objectNode().put("episode", 4));

    assertThat(memory.recent("conv-1", 10))
        .extracting(e -> e.content().get("turn").asInt())
        .containsExactly(2, 3);
    assertThat(memory.recall(null, 10))
        .extracting(e -> e.content().get("episode").asInt())
        .containsExactly(4, 3, 2);
    assertThat(memory.recall("conv-1", 10)).hasSize(2);
  }

  private static StepTask task(
      String tenant, String runUid, String step, String tool, Map<String, Object> inputs) {
    return new StepTask(
        StepTask.taskId(runUid, step, 1, false),
        tenant,
        "gl-shared",
        "cbam-2026-q1",
        runUid,
        step,
        1,
        WorkerApplicationTestResource.AGENT,
        tool,
        inputs,
        false,
        System.currentTimeMillis() + Duration.ofMinutes(5).toMillis());
  }

  private static List<StepResult> awaitResults(
      io.lettuce.core.api.sync.RedisCommands<String, String> redis,
      String tenant,
      String runUid,
      int count) {
    String stream = StepStreams.results(tenant, runUid);
    await().atMost(Duration.ofSeconds(30)).until(() -> redis.xlen(stream) >= count);
    List<StepResult> results = new ArrayList<>();
    for (var entry : redis.xrange(stream, Range.create("-", "+"))) {
      try {
        results.add(
            CanonicalJson.MAPPER.readValue(
                entry.getBody().get(StepStreams.PAYLOAD_FIELD), StepResult.class));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return results;
  }

  private static String check(String name) {
    return "checks.find { it.name == '" + name + "' }";
  }
}
