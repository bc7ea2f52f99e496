package io.greenlang.runtime.worker.tools.cbam;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.runtime.worker.ToolResult;
import io.greenlang.runtime.worker.tools.HandRun;
import io.greenlang.runtime.worker.tools.calculation.MemoryStepCalculations;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quickstart's four steps as the samples declare them (Agent settings, Pipeline inputs and
 * references, ConfigMaps, PipelineRun params), run in memory: the figures are those worked out by
 * hand in {@link CbamQuickstart}.
 */
class CbamQuickstartTest {

  private final MemoryStepCalculations calculations = new MemoryStepCalculations();

  private HandRun run(String runUid) {
    return new HandRun(
        CbamQuickstart.pipeline(),
        CbamQuickstart.agent(),
        null,
        runUid,
        new ShipmentIntakeTool(),
        new EmbeddedEmissionsTool(calculations),
        new CertificateObligationTool(calculations),
        new CbamReportTool());
  }

  @Test
  void theFourStepsGiveTheFiguresWorkedOutByHand() {
    HandRun run = run("uid-1");
    run.run("intake");
    assertThat(run.outputs("intake")).containsEntry("lineCount", 3).containsEntry("valid", true);
    assertThat(run.decimal("intake", "totalNetMassTonnes"))
        .isEqualByComparingTo(CbamQuickstart.NET_MASS);

    run.run("embedded-emissions");
    Map<String, Object> emissions = run.outputs("embedded-emissions");
    assertThat(run.decimal("embedded-emissions", "embeddedDirectTonnes"))
        .isEqualByComparingTo(CbamQuickstart.EMBEDDED_DIRECT);
    assertThat(run.decimal("embedded-emissions", "embeddedIndirectTonnes"))
        .isEqualByComparingTo(CbamQuickstart.EMBEDDED_INDIRECT);
    assertThat(run.decimal("embedded-emissions", "embeddedTotalTonnes"))
        .isEqualByComparingTo(CbamQuickstart.EMBEDDED_TOTAL);
    assertThat(run.decimal("embedded-emissions", "countedTonnes"))
        .isEqualByComparingTo(CbamQuickstart.COUNTED);
    assertThat(run.decimal("embedded-emissions", "freeAllocationBasisTonnes"))
        .isEqualByComparingTo(CbamQuickstart.BASIS_TOTAL);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> lines = (List<Map<String, Object>>) emissions.get("lines");
    assertThat(lines).extracting(line -> line.get("lineId")).isEqualTo(CbamQuickstart.LINE_IDS);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(decimal(lines.get(i), "embeddedDirectTonnes"))
          .isEqualByComparingTo(CbamQuickstart.DIRECT.get(i));
      assertThat(decimal(lines.get(i), "embeddedIndirectTonnes"))
          .isEqualByComparingTo(CbamQuickstart.INDIRECT.get(i));
      assertThat(decimal(lines.get(i), "freeAllocationBasisTonnes"))
          .isEqualByComparingTo(CbamQuickstart.BASIS.get(i));
      assertThat(lines.get(i)).containsEntry("countedEmissions", "direct");
    }
    assertThat(calculations.versions("acme-steel-cbam")).isEqualTo(1);

    run.run("obligation");
    assertThat(run.decimal("obligation", "cbamFactorPercent"))
        .isEqualByComparingTo(CbamQuickstart.CBAM_FACTOR_PERCENT);
    assertThat(run.decimal("obligation", "embeddedEmissionsTonnes"))
        .isEqualByComparingTo(CbamQuickstart.COUNTED);
    assertThat(run.decimal("obligation", "freeAllocationAdjustmentTonnes"))
        .isEqualByComparingTo(CbamQuickstart.ADJUSTMENT);
    assertThat(run.decimal("obligation", "carbonPriceDeductionTonnes")).isZero();
    assertThat(run.decimal("obligation", "certificates"))
        .isEqualByComparingTo(CbamQuickstart.CERTIFICATES);
    assertThat(run.decimal("obligation", "certificatePriceEurPerTonne"))
        .isEqualByComparingTo(CbamQuickstart.PRICE);
    assertThat(run.decimal("obligation", "costEur")).isEqualByComparingTo(CbamQuickstart.COST);
    @SuppressWarnings("unchecked")
    Map<String, Object> presented =
        (Map<String, Object>) run.outputs("obligation").get("presented");
    assertThat(presented.get("certificates").toString())
        .isEqualTo(CbamQuickstart.CERTIFICATES_PRESENTED);
    assertThat(presented.get("costEur").toString()).isEqualTo(CbamQuickstart.COST_PRESENTED);
    assertThat(run.outputs("obligation"))
        .containsEntry("linesChainHash", emissions.get("rootHash"))
        .containsEntry("lineCount", 3);
    assertThat(calculations.versions("acme-steel-cbam"))
        .as("the same rows are the same table version")
        .isEqualTo(1);

    ToolResult report = run.run("report");
    String csv = (String) report.outputs().get("csv");
    assertThat(csv)
        .startsWith(String.join(",", CbamReportTool.COLUMNS) + "\n")
        .contains(
            "S-002,72083900,IN,actual,direct,850.5,2.43,0.39,2066.715,331.695,2398.41,2066.715,1105.65,")
        .hasLineCount(4);
    @SuppressWarnings("unchecked")
    Map<String, Object> document = (Map<String, Object>) report.outputs().get("report");
    assertThat(document.get("title")).isEqualTo("CBAM report 2026 Q1");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sources = (List<Map<String, Object>>) document.get("sources");
    assertThat(sources)
        .extracting(source -> source.get("step"))
        .containsExactly("embedded-emissions", "intake", "obligation");
  }

  @Test
  void anotherRunOfTheSameInputsHasTheSameProvenanceHashesAndFigures() {
    HandRun first = run("uid-a");
    HandRun second = run("uid-b");
    for (String step : List.of("intake", "embedded-emissions", "obligation")) {
      ToolResult a = first.run(step);
      ToolResult b = second.run(step);
      assertThat(b.provenanceHash()).as(step).isEqualTo(a.provenanceHash());
    }
    assertThat(second.outputs("obligation").get("calculationRunId"))
        .isNotEqualTo(first.outputs("obligation").get("calculationRunId"));
    assertThat(second.outputs("obligation").get("costEur"))
        .isEqualTo(first.outputs("obligation").get("costEur"));
  }

  private static BigDecimal decimal(Map<String, Object> map, String key) {
    return new BigDecimal(map.get(key).toString());
  }
}
