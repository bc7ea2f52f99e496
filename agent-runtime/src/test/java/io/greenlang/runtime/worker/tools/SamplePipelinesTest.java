package io.greenlang.runtime.worker.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.agent.Agent;
import io.greenlang.runtime.worker.ToolResult;
import io.greenlang.runtime.worker.tools.calculation.MemoryStepCalculations;
import io.greenlang.runtime.worker.tools.eudr.EudrRiskScoreTool;
import io.greenlang.runtime.worker.tools.ghg.LocationBasedTool;
import io.greenlang.runtime.worker.tools.ghg.MarketBasedTool;
import io.greenlang.runtime.worker.tools.ghg.StationaryCombustionTool;
import io.greenlang.runtime.worker.tools.memory.ForgetTool;
import io.greenlang.runtime.worker.tools.memory.RememberTool;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The PARALLEL and ORCHESTRATION sample pipelines run by hand in memory with the sample agents,
 * PipelineRuns and input ConfigMaps: every reference resolves to a real output, the figures are
 * those worked out in docs/runtime/worker.md ("The sample pipelines").
 */
class SamplePipelinesTest {

  private final MemoryStepCalculations calculations = new MemoryStepCalculations();

  @Test
  void theGhgInventoryComputesScope1AndBothScope2Methods() {
    SamplePipeline sample =
        SamplePipeline.load(
            "pipelines/pipeline-parallel.yaml",
            "pipelineruns/pipelinerun-ghg-2025.yaml",
            "inputs/ghg-activity-2025.yaml");
    HandRun run =
        new HandRun(
            sample,
            SamplePipeline.agent("agents/agent-ghg-calculator.yaml"),
            null,
            "uid-ghg",
            new StationaryCombustionTool(calculations),
            new LocationBasedTool(calculations),
            new MarketBasedTool(calculations));

    run.run("scope1");
    run.run("scope2-location");
    run.run("scope2-market");

    // 2695.5408 t (1000 t natural gas) + 159.85938 t (50 t gas/diesel oil), IPCC 2006 and AR6.
    assertThat(run.decimal("scope1", "totalCO2eTonnes")).isEqualByComparingTo("2855.40018");
    // 12,500 MWh × 0.040 t/MWh (illustrative grid factor).
    assertThat(run.decimal("scope2-location", "co2eTonnes")).isEqualByComparingTo("500");
    // 10,000 MWh of guarantees of origin at 0; 2,500 MWh × 0.350 t/MWh residual mix.
    assertThat(run.decimal("scope2-market", "co2eTonnes")).isEqualByComparingTo("875");
    assertThat(calculations.versions("nordic-paper-electricity")).isEqualTo(1);
  }

  @Test
  void theDueDiligenceRemembersALowRiskAssessmentAndItsCompensationForgetsIt() {
    SamplePipeline sample =
        SamplePipeline.load(
            "pipelines/pipeline-orchestration.yaml",
            "pipelineruns/pipelinerun-eudr-supplier-2048.yaml",
            "inputs/eudr-risk-scores.yaml");
    MemoryInTests memory = new MemoryInTests(true);
    HandRun run =
        new HandRun(
            sample,
            SamplePipeline.agent("agents/agent-autoscaled.yaml"),
            memory,
            "uid-2048",
            new EudrRiskScoreTool(calculations),
            new RememberTool(),
            new ForgetTool(),
            new ReportTool());

    run.run("score");
    assertThat(run.outputs("score")).containsEntry("level", "low");
    assertThat(run.decimal("score", "score")).isEqualByComparingTo("26.45");
    assertThat(run.when("remember-assessment")).isTrue();
    run.run("remember-assessment");
    ToolResult report = run.run("report");
    assertThat(report.outputs().get("json").toString()).contains("\"level\":\"low\"");

    ToolResult forgotten = run.compensate("remember-assessment");
    assertThat(forgotten.outputs())
        .containsEntry("id", ((Number) run.outputs("remember-assessment").get("id")).longValue())
        .containsEntry("deleted", true);
  }

  @Test
  void aCriticalSupplierIsNotRemembered() {
    SamplePipeline sample =
        SamplePipeline.load(
            "pipelines/pipeline-orchestration.yaml",
            "pipelineruns/pipelinerun-cancelled.yaml",
            "inputs/eudr-risk-scores.yaml");
    Agent agent = SamplePipeline.agent("agents/agent-autoscaled.yaml");
    HandRun run = new HandRun(sample, agent, null, "uid-4711", new EudrRiskScoreTool(calculations));

    run.run("score");

    assertThat(run.outputs("score")).containsEntry("level", "critical");
    assertThat(run.decimal("score", "score")).isEqualByComparingTo(new BigDecimal("78.65"));
    assertThat(run.when("remember-assessment")).isFalse();
  }
}
