package io.greenlang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.pipelinerun.StepStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository's PARALLEL and ORCHESTRATION sample pipelines end to end, on agent-runtime pods of
 * the sample Agents: the GHG inventory's three steps dispatched at once, with the figures of
 * docs/runtime/worker.md; the EUDR due diligence with its {@code when} condition true (supplier
 * 2048, score 26.45, low: the assessment is remembered) and false (supplier 4711, critical).
 */
class SamplePipelinesE2E extends PlatformE2ESupport {

  @BeforeAll
  static void tenantWithTheSampleAgents() throws Exception {
    createTenant("samples");
    applyAgent(load("agents/agent-ghg-calculator.yaml", Agent.class));
    applyAgent(RunFailuresE2E.singleEudrAgent());
    applySamples(
        "inputs/ghg-activity-2025.yaml",
        "inputs/eudr-risk-scores.yaml",
        "pipelines/pipeline-parallel.yaml",
        "pipelines/pipeline-orchestration.yaml");
    awaitPods("ghg-calculator", 1);
    awaitPods("eudr-risk", 1);
  }

  @Test
  void theGhgInventoryRunsItsThreeStepsInParallel() throws Exception {
    PipelineRun sample = load("pipelineruns/pipelinerun-ghg-2025.yaml", PipelineRun.class);
    createRun(sample);

    PipelineRun done = awaitFinished(sample.getMetadata().getName());

    assertThat(done.getStatus().getPhase())
        .as(done.getStatus().toString())
        .isEqualTo(RunPhase.Succeeded);
    List<StepStatus> steps = done.getStatus().getSteps();
    assertThat(steps)
        .extracting(StepStatus::getName)
        .containsExactly("scope1", "scope2-location", "scope2-market");
    Instant firstCompletion =
        steps.stream().map(s -> Instant.parse(s.getCompletionTime())).min(Instant::compareTo).get();
    assertThat(steps)
        .as("every step was dispatched before any finished")
        .allSatisfy(
            s -> assertThat(Instant.parse(s.getStartTime())).isBeforeOrEqualTo(firstCompletion));

    List<StoredResults.Row> rows = storedResults(done);
    assertThat(StoredResults.succeeded(rows, "scope1").decimal("totalCO2eTonnes"))
        .isEqualByComparingTo("2855.40018");
    assertThat(StoredResults.succeeded(rows, "scope2-location").decimal("co2eTonnes"))
        .isEqualByComparingTo("500");
    assertThat(StoredResults.succeeded(rows, "scope2-market").decimal("co2eTonnes"))
        .isEqualByComparingTo("875");
  }

  @Test
  void theDueDiligenceRemembersALowRiskAssessment() throws Exception {
    PipelineRun sample =
        load("pipelineruns/pipelinerun-eudr-supplier-2048.yaml", PipelineRun.class);
    createRun(sample);

    PipelineRun done = awaitFinished(sample.getMetadata().getName());

    assertThat(done.getStatus().getPhase())
        .as(done.getStatus().toString())
        .isEqualTo(RunPhase.Succeeded);
    assertThat(done.getStatus().getSteps())
        .extracting(StepStatus::getName, StepStatus::getPhase)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("score", RunPhase.Succeeded),
            org.assertj.core.groups.Tuple.tuple("remember-assessment", RunPhase.Succeeded),
            org.assertj.core.groups.Tuple.tuple("report", RunPhase.Succeeded));
    List<StoredResults.Row> rows = storedResults(done);
    var score = StoredResults.succeeded(rows, "score");
    assertThat(score.decimal("score")).isEqualByComparingTo("26.45");
    assertThat(score.outputs().get("level").asText()).isEqualTo("low");
    assertThat(StoredResults.succeeded(rows, "remember-assessment").outputs().get("id").asLong())
        .isPositive();
    assertThat(StoredResults.succeeded(rows, "report").outputs().get("json").asText())
        .contains("\"supplier\":\"2048\"");
  }

  @Test
  void theDueDiligenceSkipsRememberingACriticalAssessment() throws Exception {
    PipelineRun sample = load("pipelineruns/pipelinerun-cancelled.yaml", PipelineRun.class);
    sample.getMetadata().setName("eudr-supplier-4711-not-cancelled");
    sample.getSpec().setCancelled(false);
    createRun(sample);

    PipelineRun done = awaitFinished(sample.getMetadata().getName());

    assertThat(done.getStatus().getPhase())
        .as(done.getStatus().toString())
        .isEqualTo(RunPhase.Succeeded);
    assertThat(step(done, "score").getPhase()).isEqualTo(RunPhase.Succeeded);
    assertThat(step(done, "remember-assessment").getPhase()).isEqualTo(RunPhase.Skipped);
    assertThat(step(done, "remember-assessment").getReason()).isEqualTo("WhenConditionFalse");
    assertThat(
            StoredResults.succeeded(storedResults(done), "score").outputs().get("level").asText())
        .isEqualTo("critical");
  }
}
