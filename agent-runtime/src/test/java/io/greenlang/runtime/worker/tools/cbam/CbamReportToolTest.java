package io.greenlang.runtime.worker.tools.cbam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.worker.ToolResult;
import io.greenlang.runtime.worker.tools.Contexts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CbamReportToolTest {

  private final CbamReportTool tool = new CbamReportTool();

  private static final Map<String, Object> LINE =
      Map.of(
          "lineId", "L1",
          "cnCode", "72081000",
          "countryOfOrigin", "TR",
          "method", "actual",
          "netMassTonnes", new BigDecimal("100"),
          "embeddedDirectTonnes", new BigDecimal("200.5"),
          "resultHash", "a".repeat(64));

  @Test
  void linesBecomeCsvInAFixedOrderAndTheFiguresGoIntoTheDocument() {
    Map<String, Object> inputs =
        Map.of(
            "lines",
            List.of(LINE),
            "obligation",
            Map.of("certificates", new BigDecimal("1.5")),
            "year",
            "2026",
            "quarter",
            "Q1");
    ToolResult result = tool.execute(inputs, Contexts.context(CbamReportTool.NAME, Map.of()));
    ToolResult again = tool.execute(inputs, Contexts.context(CbamReportTool.NAME, Map.of()));

    assertThat((String) result.outputs().get("csv"))
        .isEqualTo(
            String.join(",", CbamReportTool.COLUMNS)
                + "\nL1,72081000,TR,actual,,100,,,200.5,,,,,"
                + "a".repeat(64)
                + "\n");
    @SuppressWarnings("unchecked")
    Map<String, Object> report = (Map<String, Object>) result.outputs().get("report");
    assertThat(report).containsEntry("title", "CBAM report 2026 Q1");
    assertThat(report.get("data").toString()).contains("certificates=1.5").contains("quarter=Q1");
    assertThat(result.provenance().get("tool").asText()).isEqualTo("cbam.report/1");
    assertThat(again.provenanceHash()).isEqualTo(result.provenanceHash());
    assertThat(again.outputs().get("jsonSha256")).isEqualTo(result.outputs().get("jsonSha256"));
  }

  @Test
  void linesAreRequiredAndMustBeObjectsWithIds() {
    assertThatThrownBy(
            () -> tool.execute(Map.of(), Contexts.context(CbamReportTool.NAME, Map.of())))
        .hasMessage("input 'lines' is required");
    assertThatThrownBy(
            () ->
                tool.execute(
                    Map.of("lines", List.of(Map.of("cnCode", "72081000"))),
                    Contexts.context(CbamReportTool.NAME, Map.of())))
        .hasMessage("input 'lines[0].lineId' is required");
    assertThatThrownBy(
            () ->
                tool.execute(
                    Map.of("lines", List.of(LINE), "obligation", "1.5"),
                    Contexts.context(CbamReportTool.NAME, Map.of())))
        .hasMessage("input 'obligation' must be a list or object (or its JSON text), not text");
  }
}
