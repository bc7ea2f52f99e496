package io.greenlang.runtime.worker.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.crds.runtime.StepResult;
import io.greenlang.runtime.worker.CanonicalJson;
import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.StoredStepResult;
import io.greenlang.runtime.worker.ToolContexts;
import io.greenlang.runtime.worker.ToolResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportToolTest {

  private final ReportTool tool = new ReportTool();

  private final List<StoredStepResult> history =
      List.of(succeeded("intake", "a".repeat(64)), succeeded("obligation", "b".repeat(64)));

  @Test
  void assemblesJsonAndCsvCitingTheUpstreamHashes() {
    Map<String, Object> inputs =
        Map.of(
            "title", "CBAM report 2026 Q1",
            "rows",
                List.of(
                    Map.of("cn_code", "72085120", "embedded_t", new BigDecimal("241.000")),
                    Map.of(
                        "cn_code",
                        "76011000",
                        "embedded_t",
                        new BigDecimal("8.75"),
                        "note",
                        "a,b")),
            "columns", "cn_code,embedded_t,note",
            "certificates", "249.750");

    ToolResult result =
        tool.execute(inputs, ToolContexts.of("report", "report", Map.of(), history));

    assertThat(result.outputs().get("csv"))
        .isEqualTo("cn_code,embedded_t,note\n72085120,241.000,\n76011000,8.75,\"a,b\"\n");
    assertThat(result.outputs().get("csvSha256"))
        .isEqualTo(CanonicalJson.sha256Hex((String) result.outputs().get("csv")));
    @SuppressWarnings("unchecked")
    Map<String, Object> report = (Map<String, Object>) result.outputs().get("report");
    assertThat(report)
        .containsEntry("title", "CBAM report 2026 Q1")
        .containsEntry("runUid", "run-uid-1")
        .containsEntry("data", Map.of("certificates", "249.750"));
    assertThat(report.get("sources"))
        .asList()
        .extracting(s -> ((Map<?, ?>) s).get("step") + " " + ((Map<?, ?>) s).get("provenanceHash"))
        .containsExactly("intake " + "a".repeat(64), "obligation " + "b".repeat(64));
    assertThat(result.outputs().get("jsonSha256"))
        .isEqualTo(CanonicalJson.sha256Hex((String) result.outputs().get("json")));
    ToolResult again = tool.execute(inputs, ToolContexts.of("report", "report", Map.of(), history));
    assertThat(again.provenanceHash()).isEqualTo(result.provenanceHash());
  }

  @Test
  void withoutColumnsEveryKeyIsAColumnInAlphabeticalOrder() {
    ToolResult result =
        tool.execute(
            Map.of("rows", List.of(Map.of("z", "1", "a", " padded"), Map.of("m", "x"))),
            ToolContexts.of("report", "report", Map.of(), List.of()));
    assertThat(result.outputs().get("csv")).isEqualTo("a,m,z\n padded,,1\n,x,\n");
  }

  @Test
  void namedStepsMustHaveSucceeded() {
    assertThatThrownBy(
            () ->
                tool.execute(
                    Map.of("steps", List.of("intake", "emissions")),
                    ToolContexts.of("report", "report", Map.of(), history)))
        .isInstanceOfSatisfying(
            StepFailure.class,
            f -> {
              assertThat(f.reason()).isEqualTo("MissingUpstreamResult");
              assertThat(f.getMessage()).contains("[emissions]");
            });
  }

  @Test
  void anEmptyTableStillHasItsHeader() {
    ToolResult result =
        tool.execute(
            Map.of("columns", List.of("a", "b")),
            ToolContexts.of("report", "report", Map.of(), List.of()));
    assertThat(result.outputs().get("csv")).isEqualTo("a,b\n");
    assertThat(result.outputs()).containsEntry("rowCount", 0);
  }

  private static StoredStepResult succeeded(String step, String provenanceHash) {
    return new StoredStepResult(
        "agent-" + step,
        "tool-" + step,
        null,
        new StepResult(
            "run-uid-1/" + step + "/1",
            step,
            1,
            false,
            StepResult.Outcome.SUCCEEDED,
            Map.of(),
            "0".repeat(64),
            provenanceHash,
            0,
            "0",
            null,
            null,
            "w",
            1,
            2));
  }
}
