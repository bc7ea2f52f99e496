package io.greenlang.operator.pipelinerun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.greenlang.crds.runtime.StepTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepInputsTest {
  private final Map<String, JsonNode> outputs = new LinkedHashMap<>();
  private final RunValues values =
      new RunValues(
          Map.of("year", "2026", "quarter", "Q1"),
          name -> {
            if (!name.equals("shipments")) {
              throw new UnresolvedReferenceException("${inputs." + name + "}: no such input");
            }
            return "id,mass\nS-1,12.50\n";
          },
          outputs::get);

  StepInputsTest() throws Exception {
    outputs.put(
        "intake",
        BusJson.MAPPER.readTree(
            "{\"lines\":[{\"id\":\"S-1\",\"mass\":12.50}],\"total\":12.50,\"valid\":true,\"count\":1}"));
  }

  private static Map<String, String> inputs(String... namesAndValues) {
    Map<String, String> inputs = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      inputs.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return inputs;
  }

  @Test
  void aSoleReferenceKeepsItsJsonType() throws Exception {
    Map<String, Object> resolved =
        StepInputs.resolve(
            inputs(
                "lines", "${steps.intake.outputs.lines}",
                "total", "${steps.intake.outputs.total}",
                "valid", "${steps.intake.outputs.valid}",
                "year", "${params.year}",
                "csv", "${inputs.shipments}",
                "plain", "as written"),
            values,
            "spec.steps[1].inputs");

    assertThat(resolved.get("lines")).isInstanceOf(JsonNode.class);
    assertThat(((JsonNode) resolved.get("lines")).isArray()).isTrue();
    assertThat(((JsonNode) resolved.get("total")).decimalValue()).isEqualByComparingTo("12.50");
    assertThat(resolved.get("year")).isEqualTo(TextNode.valueOf("2026"));
    assertThat(resolved.get("csv")).isEqualTo(TextNode.valueOf("id,mass\nS-1,12.50\n"));
    assertThat(resolved.get("plain")).isEqualTo("as written");

    // In a task, the JSON keeps the list a list, the decimal with its scale and the bool a bool.
    StepTask task =
        new StepTask("t", "acme", "gl-acme", "run", "uid", "s", 1, "a", null, resolved, false, 0);
    JsonNode json = BusJson.MAPPER.readTree(BusJson.task(task)).get("inputs");
    assertThat(json.get("lines").get(0).get("mass").toString()).isEqualTo("12.50");
    assertThat(json.get("total").toString()).isEqualTo("12.50");
    assertThat(json.get("valid").isBoolean()).isTrue();
  }

  @Test
  void mixedTextGetsEachValueAsText() {
    Map<String, Object> resolved =
        StepInputs.resolve(
            inputs(
                "title",
                    "CBAM ${params.quarter} ${params.year}: ${steps.intake.outputs.count} line(s), ${steps.intake.outputs.total} t",
                "lines", "lines=${steps.intake.outputs.lines}"),
            values,
            "spec.steps[1].inputs");

    assertThat(resolved.get("title")).isEqualTo("CBAM Q1 2026: 1 line(s), 12.50 t");
    assertThat(resolved.get("lines")).isEqualTo("lines=[{\"id\":\"S-1\",\"mass\":12.50}]");
  }

  @Test
  void anUnresolvableReferenceNamesTheField() {
    for (String bad :
        List.of(
            "${steps.intake.outputs.missing}",
            "${steps.other.outputs.x}",
            "${params.month}",
            "${inputs.invoices}")) {
      assertThatThrownBy(() -> StepInputs.resolve(inputs("x", bad), values, "spec.steps[2].inputs"))
          .as(bad)
          .isInstanceOf(UnresolvedReferenceException.class)
          .hasMessageStartingWith("spec.steps[2].inputs.x: ");
    }
  }
}
