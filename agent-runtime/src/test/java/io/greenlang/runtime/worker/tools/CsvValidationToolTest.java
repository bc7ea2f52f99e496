package io.greenlang.runtime.worker.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.ToolContext;
import io.greenlang.runtime.worker.ToolContexts;
import io.greenlang.runtime.worker.ToolResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvValidationToolTest {

  private static final String COLUMNS =
      "shipment_id:text, cn_code:cn-code, country_of_origin:iso-country,"
          + " net_mass_tonnes:positive-decimal, installation:text?";

  private final CsvValidationTool tool = new CsvValidationTool();

  @Test
  void validRowsComeOutNormalisedWithADeterministicProvenanceHash() {
    String csv =
        "\uFEFFshipment_id,cn_code,country_of_origin,net_mass_tonnes,installation\n"
            + "S-1, 7208 51 20 ,cn,120.500,\n"
            + "\n"
            + "S-2,76011000,IN,3,\"Smelter, Unit 2\"\n";

    ToolResult first = tool.execute(Map.of("csv", csv), context(Map.of()));
    ToolResult again = tool.execute(Map.of("csv", csv), context(Map.of()));

    assertThat(first.outputs())
        .containsEntry("valid", true)
        .containsEntry("rowCount", 2)
        .containsEntry("validRowCount", 2)
        .containsEntry("errors", List.of());
    assertThat(first.outputs().get("rows"))
        .isEqualTo(
            List.of(
                Map.of(
                    "shipment_id", "S-1",
                    "cn_code", "72085120",
                    "country_of_origin", "CN",
                    "net_mass_tonnes", "120.500",
                    "installation", ""),
                Map.of(
                    "shipment_id", "S-2",
                    "cn_code", "76011000",
                    "country_of_origin", "IN",
                    "net_mass_tonnes", "3",
                    "installation", "Smelter, Unit 2")));
    assertThat(first.provenanceHash()).isEqualTo(again.provenanceHash()).hasSize(64);
    assertThat(first.provenance().get("tool").asText()).isEqualTo("validate-csv/1");
    assertThat(first.tokens()).isZero();
  }

  @Test
  void everyInvalidCellIsReportedByRowAndColumn() {
    String csv =
        "shipment_id,cn_code,country_of_origin,net_mass_tonnes\n"
            + "S-1,7208512,CN,1\n"
            + ",72085120,ZZ,0\n"
            + "S-3,72085120,CN\n"
            + "S-4,72085120,CN,7.25\n";

    assertThatThrownBy(() -> tool.execute(Map.of("csv", csv), context(Map.of())))
        .isInstanceOfSatisfying(
            StepFailure.class,
            failure -> {
              assertThat(failure.reason()).isEqualTo("InvalidRows");
              assertThat(failure.getMessage())
                  .isEqualTo(
                      "3 of 4 rows of input 'csv' are invalid; first: row 1, column cn_code:"
                          + " '7208512' is not a CN code: 8 digits expected, such as 72085120");
              assertThat(failure.outputs())
                  .containsEntry("invalidRowCount", 3)
                  .containsEntry("validRowCount", 1)
                  .containsEntry("errorCount", 6);
              @SuppressWarnings("unchecked")
              List<Map<String, Object>> errors =
                  (List<Map<String, Object>>) failure.outputs().get("errors");
              assertThat(errors)
                  .extracting(e -> e.get("row") + " " + e.get("column"))
                  .containsExactly(
                      "1 cn_code",
                      "2 shipment_id",
                      "2 country_of_origin",
                      "2 net_mass_tonnes",
                      "3 null",
                      "3 net_mass_tonnes");
            });
  }

  @Test
  void withRejectOnErrorFalseTheStepSucceedsWithTheErrorsListed() {
    String csv = "shipment_id,cn_code,country_of_origin,net_mass_tonnes\nS-1,1,CN,1\n";

    ToolResult result = tool.execute(Map.of("csv", csv), context(Map.of("rejectOnError", "false")));

    assertThat(result.outputs()).containsEntry("valid", false).containsEntry("errorCount", 1);
  }

  @Test
  void missingColumnsAndBadInputsAreNamed() {
    assertThatThrownBy(
            () ->
                tool.execute(Map.of("csv", "shipment_id,cn_code\nS,72085120\n"), context(Map.of())))
        .isInstanceOfSatisfying(
            StepFailure.class,
            f -> {
              assertThat(f.reason()).isEqualTo("MissingColumns");
              assertThat(f.getMessage())
                  .contains("[country_of_origin, net_mass_tonnes]", "[shipment_id, cn_code]");
            });
    assertThatThrownBy(() -> tool.execute(Map.of(), context(Map.of())))
        .isInstanceOfSatisfying(
            StepFailure.class,
            f -> assertThat(f.getMessage()).startsWith("input 'csv' is required"));
    assertThatThrownBy(
            () ->
                tool.execute(
                    Map.of("csv", "a,a\n1,2\n"),
                    new ToolContext(
                        ToolContexts.task("intake", "validate-csv"),
                        Map.of("columns", "a:text"),
                        null,
                        List::of)))
        .hasMessageContaining("names the column(s) [a] more than once");
    assertThatThrownBy(
            () ->
                tool.execute(
                    Map.of("csv", "a\n1\n"),
                    new ToolContext(
                        ToolContexts.task("intake", "validate-csv"), Map.of(), null, List::of)))
        .isInstanceOfSatisfying(
            StepFailure.class,
            f -> {
              assertThat(f.reason()).isEqualTo("InvalidToolConfig");
              assertThat(f.getMessage())
                  .startsWith("spec.tools[validate-csv].config.columns is required");
            });
  }

  @Test
  void rowsBeyondTheLimitAreRefused() {
    assertThatThrownBy(
            () ->
                tool.execute(
                    Map.of(
                        "csv",
                        "shipment_id,cn_code,country_of_origin,net_mass_tonnes\n"
                            + "a,72085120,CN,1\nb,72085120,CN,1\nc,72085120,CN,1\n"),
                    context(Map.of("maxRows", "2"))))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.reason()).isEqualTo("TooManyRows"));
  }

  private static ToolContext context(Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(extra);
    settings.put("columns", COLUMNS);
    return ToolContexts.of("intake", CsvValidationTool.NAME, settings, List.of());
  }
}
