package io.greenlang.runtime.worker.tools.cbam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.ToolResult;
import io.greenlang.runtime.worker.tools.Contexts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShipmentIntakeToolTest {

  private static final String HEADER =
      "line_id,cn_code,country_of_origin,net_mass_t,method,see_direct_t_per_t,"
          + "see_indirect_t_per_t,benchmark\n";

  private final ShipmentIntakeTool tool = new ShipmentIntakeTool();

  private ToolResult intake(String csv, Map<String, String> settings) {
    return tool.execute(
        Map.of("shipments", csv), Contexts.context(ShipmentIntakeTool.NAME, settings));
  }

  @Test
  void validLinesComeOutNormalisedWithTheirTotalMass() {
    String csv =
        HEADER
            + "S-1,7208 10 00,tr,1200.000,Actual,1.850,0.210,flat\n"
            + "S-2,76011000,CN,300,default,,,\n";

    ToolResult first = intake(csv, Map.of());
    ToolResult again = intake(csv, Map.of());

    assertThat(first.outputs())
        .containsEntry("valid", true)
        .containsEntry("rowCount", 2)
        .containsEntry("lineCount", 2)
        .containsEntry("errors", List.of())
        .containsEntry("totalNetMassTonnes", new BigDecimal("1500.000"));
    assertThat(first.outputs().get("lines"))
        .isEqualTo(
            List.of(
                Map.of(
                    "lineId", "S-1",
                    "cnCode", "72081000",
                    "countryOfOrigin", "TR",
                    "netMassTonnes", new BigDecimal("1200.000"),
                    "method", "actual",
                    "seeDirect", new BigDecimal("1.850"),
                    "seeIndirect", new BigDecimal("0.210"),
                    "benchmark", "flat"),
                Map.of(
                    "lineId", "S-2",
                    "cnCode", "76011000",
                    "countryOfOrigin", "CN",
                    "netMassTonnes", new BigDecimal("300"),
                    "method", "default")));
    assertThat(again.outputs()).isEqualTo(first.outputs());
    assertThat(again.provenanceHash()).isEqualTo(first.provenanceHash()).hasSize(64);
    assertThat(first.provenance().get("tool").asText()).isEqualTo("cbam.shipment_intake/1");
  }

  @Test
  void everyInvalidLineIsReportedByRowAndColumn() {
    String csv =
        HEADER
            + "S-1,720810,TR,1200,actual,1.85,0.21,\n"
            + "S-2,72081000,XX,-3,actual,1.85,0.21,\n"
            + "S-3,72081000,TR,10,actual,,0.21,\n"
            + "S-4,72081000,TR,10,default,2.0,,\n"
            + "S-5,72081000,TR,10,estimated,,,\n"
            + "S-6,72081000,TR,10,default,,,\n"
            + "S-6,72081000,TR,10,default,,,\n";

    assertThatThrownBy(() -> intake(csv, Map.of()))
        .isInstanceOfSatisfying(
            StepFailure.class,
            failure -> {
              assertThat(failure.reason()).isEqualTo("InvalidRows");
              assertThat(failure.getMessage())
                  .startsWith(
                      "6 of 7 lines of input 'shipments' are invalid; first: row 1, column cn_code:");
              @SuppressWarnings("unchecked")
              List<Map<String, Object>> errors =
                  (List<Map<String, Object>>) failure.outputs().get("errors");
              assertThat(errors)
                  .extracting(e -> e.get("row") + " " + e.get("column"))
                  .containsExactly(
                      "1 cn_code",
                      "2 country_of_origin",
                      "2 net_mass_t",
                      "3 see_direct_t_per_t",
                      "4 see_direct_t_per_t",
                      "5 method",
                      "7 line_id");
              assertThat(errors.get(6).get("message"))
                  .isEqualTo("'S-6' is the id of an earlier line");
              assertThat(failure.outputs()).containsEntry("lineCount", 1);
            });
  }

  @Test
  void withRejectOnErrorFalseTheValidLinesGoOnAndTheErrorsAreListed() {
    ToolResult result =
        intake(
            HEADER + "S-1,72081000,TR,10,default,,,\nS-2,bad,TR,10,default,,,\n",
            Map.of("rejectOnError", "false"));
    assertThat(result.outputs())
        .containsEntry("valid", false)
        .containsEntry("lineCount", 1)
        .containsEntry("invalidRowCount", 1);
  }

  @Test
  void missingColumnsAndBadInputsAreNamed() {
    assertThatThrownBy(() -> intake("line_id,cn_code\nS-1,72081000\n", Map.of()))
        .isInstanceOfSatisfying(
            StepFailure.class,
            failure -> {
              assertThat(failure.reason()).isEqualTo("MissingColumns");
              assertThat(failure.getMessage())
                  .startsWith(
                      "input 'shipments' lacks the required column(s) [country_of_origin,"
                          + " net_mass_t, method]");
            });
    assertThatThrownBy(() -> intake(HEADER, Map.of()))
        .hasMessage("input 'shipments' has a header but no lines");
    assertThatThrownBy(
            () -> tool.execute(Map.of(), Contexts.context(ShipmentIntakeTool.NAME, Map.of())))
        .hasMessage("input 'shipments' is required: the shipments CSV as text");
    assertThatThrownBy(
            () ->
                tool.execute(
                    Map.of("shipments", HEADER, "csv", "x"),
                    Contexts.context(ShipmentIntakeTool.NAME, Map.of())))
        .hasMessageStartingWith("input 'csv' is not an input of this tool");
    assertThatThrownBy(() -> intake(HEADER, Map.of("columns", "a:text")))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.reason()).isEqualTo("InvalidToolConfig"))
        .hasMessageStartingWith(
            "spec.tools[cbam.shipment_intake].config.columns is not a setting of"
                + " cbam.shipment_intake");
  }
}
