package io.greenlang.operator.pipelinerun;

import static io.greenlang.operator.pipeline.PipelineSpecs.dependsOn;
import static io.greenlang.operator.pipeline.PipelineSpecs.retries;
import static io.greenlang.operator.pipeline.PipelineSpecs.spec;
import static io.greenlang.operator.pipeline.PipelineSpecs.step;
import static io.greenlang.operator.pipeline.PipelineSpecs.timeout;
import static io.greenlang.operator.pipeline.PipelineSpecs.tool;
import static io.greenlang.operator.pipeline.PipelineSpecs.when;
import static io.greenlang.operator.pipeline.PipelineSpecs.withParams;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Event;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.pipeline.Pipeline;
import io.greenlang.crds.pipeline.WorkflowPattern;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.pipelinerun.StepStatus;
import io.greenlang.crds.runtime.RunProvenance;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.testsupport.bus.StepTaskResponder;
import io.greenlang.testsupport.bus.StepTaskResponder.Reply;
import io.greenlang.testsupport.kubernetes.MockKubernetesApiResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PipelineRuns of each pattern against the mock API server and real Redis, a responder standing in
 * for the agents' workers: outputs flowing downstream with their types, steps side by side, a
 * skipped {@code when}, a retry, a result published twice.
 */
@QuarkusTest
@QuarkusTestResource(MockKubernetesApiResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineRunPatternsIT {
  private PipelineRunFixtures fixtures;
  private String tenant;
  private String namespace;

  /** One Region and Tenant for the class: each test names its own Pipelines and runs. */
  @BeforeAll
  void setUp() {
    fixtures = new PipelineRunFixtures(MockKubernetesApiResource.api().client());
    tenant = fixtures.readyTenant("acme", spec -> {});
    namespace = "gl-" + tenant;
  }

  @AfterEach
  void stopResponders() {
    fixtures.closeResponders();
  }

  @AfterAll
  void tearDown() throws Exception {
    fixtures.close();
  }

  static boolean finished(PipelineRun run) {
    return run.getStatus() != null
        && PipelineRunStatusAggregator.FINISHED.contains(run.getStatus().getPhase());
  }

  static StepStatus stepOf(PipelineRun run, String name) {
    return run.getStatus().getSteps().stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  static Map<String, Object> lines() {
    return Map.of(
        "lines",
        List.of(
            Map.of("id", "S-1", "mass", new BigDecimal("12.50")),
            Map.of("id", "S-2", "mass", new BigDecimal("3.25"))),
        "count",
        2,
        "mass",
        new BigDecimal("15.75"));
  }

  @Test
  void pipelinePassesEachOutputToTheNextStepWithItsJsonType() {
    fixtures.agent(namespace, "cbam", "cbam.shipment_intake", "cbam.report");
    fixtures.pipeline(
        namespace,
        "cbam-quarterly",
        withParams(
            spec(
                WorkflowPattern.PIPELINE,
                timeout(
                    step(
                        "intake",
                        "cbam",
                        "shipments",
                        "${inputs.shipments}",
                        "year",
                        "${params.year}"),
                    120),
                tool(
                    step(
                        "report",
                        "cbam",
                        "lines",
                        "${steps.intake.outputs.lines}",
                        "title",
                        "CBAM ${params.quarter} ${params.year}: ${steps.intake.outputs.count} lines,"
                            + " ${steps.intake.outputs.mass} t"),
                    "cbam.report")),
            "year",
            "quarter"));
    StepTaskResponder cbam =
        fixtures.responder(
            tenant,
            "cbam",
            task ->
                task.step().equals("intake")
                    ? Reply.succeed(lines())
                    : Reply.succeed(Map.of("report", "done")));
    var input =
        fixtures.configMapInput(namespace, "shipments", "shipments.csv", "id,mass\nS-1,12.50\n");
    Instant before = Instant.now();

    PipelineRun run =
        fixtures.run(
            namespace,
            "cbam-q1",
            "cbam-quarterly",
            Map.of("year", "2026", "quarter", "Q1"),
            spec -> spec.getInputs().add(input));
    PipelineRun done = fixtures.awaitRun(run, PipelineRunPatternsIT::finished);

    PipelineRunStatus status = done.getStatus();
    assertThat(status.getPhase())
        .as(PipelineRunFixtures.describe(done))
        .isEqualTo(RunPhase.Succeeded);
    Condition succeeded = status.condition(PipelineRunStatus.SUCCEEDED).orElseThrow();
    assertThat(succeeded.getStatus()).isEqualTo(ConditionStatus.True);
    assertThat(succeeded.getReason()).isEqualTo("Succeeded");
    assertThat(status.getProgress()).isEqualTo("2/2");
    assertThat(status.getTenant()).isEqualTo(tenant);
    assertThat(status.getStartTime()).isNotNull();
    assertThat(status.getCompletionTime()).isNotNull();
    assertThat(status.getProvenanceRootHash())
        .isEqualTo(
            RunProvenance.rootHash(
                List.of(
                    stepOf(done, "intake").getProvenanceHash(),
                    stepOf(done, "report").getProvenanceHash())));
    StepStatus intake = stepOf(done, "intake");
    assertThat(intake.getAttempts()).isEqualTo(1);
    assertThat(intake.getOutputHash()).hasSize(64);
    assertThat(intake.getTokens()).isEqualTo(7L);
    assertThat(intake.getCostUsd()).isEqualTo("0.0125");
    assertThat(intake.getDispatchTime()).isNull();

    List<StepTask> tasks = cbam.deliveries();
    assertThat(tasks).extracting(StepTask::step).containsExactly("intake", "report");
    StepTask first = tasks.get(0);
    assertThat(first.tool()).as("the Agent's first tool").isEqualTo("cbam.shipment_intake");
    assertThat(first.taskId()).isEqualTo(done.getMetadata().getUid() + "/intake/1");
    assertThat(first.tenant()).isEqualTo(tenant);
    assertThat(first.namespace()).isEqualTo(namespace);
    assertThat(first.pipelineRun()).isEqualTo("cbam-q1");
    assertThat(first.inputs())
        .containsEntry("shipments", "id,mass\nS-1,12.50\n")
        .containsEntry("year", "2026");
    assertThat(first.deadlineEpochMillis())
        .isBetween(
            before.plusSeconds(120).toEpochMilli(), Instant.now().plusSeconds(120).toEpochMilli());
    StepTask report = tasks.get(1);
    assertThat(report.tool()).isEqualTo("cbam.report");
    assertThat(report.deadlineEpochMillis()).as("no timeout").isZero();
    JsonNode reportLines = BusJson.tree(report.inputs()).get("lines");
    assertThat(reportLines.isArray()).isTrue();
    assertThat(reportLines.get(0).get("mass").decimalValue()).isEqualByComparingTo("12.50");
    assertThat(report.inputs()).containsEntry("title", "CBAM Q1 2026: 2 lines, 15.75 t");

    assertThat(fixtures.events(done))
        .extracting(Event::getReason)
        .contains("RunStarted", "RunSucceeded");
    Pipeline pipeline =
        Awaitility.await()
            .atMost(PipelineRunFixtures.WAIT)
            .until(
                () ->
                    fixtures
                        .client
                        .resources(Pipeline.class)
                        .inNamespace(namespace)
                        .withName("cbam-quarterly")
                        .get(),
                p ->
                    p.getStatus().getLastRun() != null
                        && "True".equals(p.getStatus().getLastRun().getSucceeded()));
    assertThat(pipeline.getStatus().getLastRun().getName()).isEqualTo("cbam-q1");
    assertThat(pipeline.getStatus().getLastRun().getCompletionTime())
        .isEqualTo(status.getCompletionTime());

    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .contains("greenlang_pipelinerun_runs_total{outcome=\"Succeeded\"}")
        .contains("greenlang_pipelinerun_step_attempts_total{outcome=\"SUCCEEDED\"}")
        .contains("greenlang_pipelinerun_dispatch_latency_seconds_count")
        .contains("greenlang_pipelinerun_step_duration_seconds_count{outcome=\"Succeeded\"}")
        .contains("greenlang_pipelinerun_active ")
        .contains("greenlang_pipelinerun_queued ");
  }

  @Test
  void parallelPublishesEveryStepAtOnceAndSucceedsWhenAllDo() {
    fixtures.agent(namespace, "ghg", "ghg.scope1.stationary_combustion");
    fixtures.pipeline(
        namespace,
        "ghg-inventory",
        withParams(
            spec(
                WorkflowPattern.PARALLEL,
                step("scope1", "ghg", "year", "${params.year}"),
                step("scope2-location", "ghg", "year", "${params.year}"),
                step("scope2-market", "ghg", "year", "${params.year}")),
            "year"));
    StepTaskResponder ghg =
        fixtures.responder(
            tenant,
            "ghg",
            task ->
                Reply.succeed(Map.of("tco2e", new BigDecimal("1.5")))
                    .after(Duration.ofMillis(300)));

    PipelineRun done =
        fixtures.awaitRun(
            fixtures.run(namespace, "ghg-2025", "ghg-inventory", Map.of("year", "2025")),
            PipelineRunPatternsIT::finished);

    assertThat(done.getStatus().getPhase()).isEqualTo(RunPhase.Succeeded);
    assertThat(done.getStatus().getProgress()).isEqualTo("3/3");
    // All three were published before the first result came back.
    Instant firstDone =
        done.getStatus().getSteps().stream()
            .map(s -> RunTimes.parse(s.getCompletionTime()))
            .min(Instant::compareTo)
            .orElseThrow();
    assertThat(done.getStatus().getSteps())
        .allSatisfy(s -> assertThat(RunTimes.parse(s.getStartTime())).isBefore(firstDone));
    assertThat(ghg.deliveries()).hasSize(3);
  }

  @Test
  void orchestrationSkipsAFalseWhenAndStillRunsADependentThatDoesNotReadIt() {
    fixtures.agent(namespace, "eudr", "eudr.risk_score");
    fixtures.pipeline(
        namespace,
        "eudr-due-diligence",
        spec(
            WorkflowPattern.ORCHESTRATION,
            step("score", "eudr"),
            when(
                dependsOn(step("file-draft", "eudr"), "score"),
                "${steps.score.outputs.level} != 'critical'"),
            dependsOn(
                step("notify", "eudr", "level", "${steps.score.outputs.level}"),
                "score",
                "file-draft")));
    StepTaskResponder eudr =
        fixtures.responder(
            tenant, "eudr", task -> Reply.succeed(Map.of("level", "critical", "score", 81)));

    PipelineRun done =
        fixtures.awaitRun(
            fixtures.run(namespace, "supplier-4711", "eudr-due-diligence", Map.of()),
            PipelineRunPatternsIT::finished);

    assertThat(done.getStatus().getPhase()).isEqualTo(RunPhase.Succeeded);
    StepStatus skipped = stepOf(done, "file-draft");
    assertThat(skipped.getPhase()).isEqualTo(RunPhase.Skipped);
    assertThat(skipped.getReason()).isEqualTo("WhenConditionFalse");
    assertThat(stepOf(done, "notify").getPhase()).isEqualTo(RunPhase.Succeeded);
    assertThat(eudr.deliveries()).extracting(StepTask::step).containsExactly("score", "notify");
    assertThat(eudr.deliveries().get(1).inputs()).containsEntry("level", "critical");
    assertThat(fixtures.events(done)).extracting(Event::getReason).contains("StepSkipped");
  }

  @Test
  void aFailedAttemptIsRetriedAndTheResultPublishedTwiceCountsOnce() {
    fixtures.agent(namespace, "calc", "ghg.scope2.location_based");
    fixtures.pipeline(
        namespace, "flaky", spec(WorkflowPattern.SINGLE, retries(step("compute", "calc"), 2)));
    StepTaskResponder calc =
        fixtures.responder(
            tenant,
            "calc",
            task ->
                task.attempt() == 1
                    ? Reply.fail("UpstreamUnavailable", "grid factor service down")
                    : Reply.succeed(Map.of("tco2e", new BigDecimal("2.000")))
                        .after(Duration.ofMillis(500)));
    PipelineRun run = fixtures.run(namespace, "flaky-1", "flaky", Map.of());
    String firstAttempt = run.getMetadata().getUid() + "/compute/1";
    Awaitility.await()
        .atMost(PipelineRunFixtures.WAIT)
        .until(() -> calc.executions(firstAttempt) == 1);
    calc.publishAgain(firstAttempt);
    calc.publishAgain(firstAttempt);

    PipelineRun done = fixtures.awaitRun(run, PipelineRunPatternsIT::finished);

    assertThat(done.getStatus().getPhase())
        .as(PipelineRunFixtures.describe(done))
        .isEqualTo(RunPhase.Succeeded);
    StepStatus compute = stepOf(done, "compute");
    assertThat(compute.getAttempts()).isEqualTo(2);
    assertThat(compute.getTokens())
        .as("one FAILED and one SUCCEEDED result applied")
        .isEqualTo(14L);
    assertThat(compute.getCostUsd()).isEqualTo("0.0250");
    assertThat(calc.deliveries()).extracting(StepTask::attempt).containsExactly(1, 2);
    assertThat(fixtures.events(done)).extracting(Event::getReason).contains("StepRetrying");
  }
}
