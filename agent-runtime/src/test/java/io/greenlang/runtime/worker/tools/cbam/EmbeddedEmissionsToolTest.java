package io.greenlang.runtime.worker.tools.cbam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.worker.CanonicalJson;
import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.ToolContext;
import io.greenlang.runtime.worker.ToolResult;
import io.greenlang.runtime.worker.tools.Contexts;
import io.greenlang.runtime.worker.tools.calculation.MemoryStepCalculations;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedEmissionsToolTest {

  private final MemoryStepCalculations calculations = new MemoryStepCalculations();
  private final EmbeddedEmissionsTool tool = new EmbeddedEmissionsTool(calculations);
  private final Map<String, String> settings = Map.of("factorTable", CbamFixtures.TABLE);

  private Map<String, Object> inputs(Object lines) {
    return Map.of("lines", lines, "factorTableCsv", CbamFixtures.FACTORS);
  }

  private ToolContext context(String runUid) {
    return Contexts.context(runUid, "emissions", EmbeddedEmissionsTool.NAME, settings, null);
  }

  @Test
  void eachLineIsAResultOfTheFormulaAndTheTotalsAreTheirSums() {
    ToolResult result = tool.execute(inputs(CbamFixtures.lines()), context("uid-1"));

    // L1: 100 t × 2 = 200 direct, × 0.5 = 50 indirect, basis 100 × 1.2 = 120;
    // L2: 10 t × 2 = 20 direct, × 5 = 50 indirect (default values), no benchmark.
    Map<String, Object> outputs = result.outputs();
    assertThat(decimal(outputs, "embeddedDirectTonnes")).isEqualByComparingTo("220");
    assertThat(decimal(outputs, "embeddedIndirectTonnes")).isEqualByComparingTo("100");
    assertThat(decimal(outputs, "embeddedTotalTonnes")).isEqualByComparingTo("320");
    assertThat(decimal(outputs, "countedTonnes"))
        .as("total counts by default")
        .isEqualByComparingTo("320");
    assertThat(decimal(outputs, "freeAllocationBasisTonnes")).isEqualByComparingTo("120");
    assertThat(outputs)
        .containsEntry("lineCount", 2)
        .containsEntry("formula", "cbam.embedded_emissions.v1");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> lines = (List<Map<String, Object>>) outputs.get("lines");
    assertThat(lines.get(1))
        .containsEntry("lineId", "L2")
        .containsEntry("method", "default")
        .containsEntry("seeDirect", new BigDecimal("2"))
        .containsEntry("sequence", 2L);
    assertThat(lines.get(0).get("resultHash").toString()).hasSize(64);
    assertThat(outputs.get("tables"))
        .isEqualTo(List.of(Map.of("for", "factorTable", "id", CbamFixtures.TABLE, "version", 1)));
    assertThat(CanonicalJson.write(outputs.get("lineInputs")))
        .contains("\"defaultValues\":{\"id\":\"acme-cbam-test\",\"version\":1}");
    assertThat(result.provenance().get("calculationRootHash").asText())
        .isEqualTo(outputs.get("rootHash"));
  }

  @Test
  void theSameTaskGivesTheSameOutputsAndHashesAndIsCalculatedOnce() {
    ToolResult first = tool.execute(inputs(CbamFixtures.lines()), context("uid-1"));
    ToolResult again = tool.execute(inputs(CbamFixtures.lines()), context("uid-1"));
    ToolResult otherRun = tool.execute(inputs(CbamFixtures.lines()), context("uid-2"));

    assertThat(CanonicalJson.sha256(again.outputs()))
        .isEqualTo(CanonicalJson.sha256(first.outputs()));
    assertThat(again.provenanceHash()).isEqualTo(first.provenanceHash());
    assertThat(calculations.calculated()).as("one run per task").isEqualTo(2);
    assertThat(otherRun.provenanceHash()).isEqualTo(first.provenanceHash());
    assertThat(otherRun.outputs().get("calculationRunId"))
        .isNotEqualTo(first.outputs().get("calculationRunId"));
    assertThat(otherRun.outputs().get("rootHash")).isEqualTo(first.outputs().get("rootHash"));
    assertThat(calculations.versions(CbamFixtures.TABLE)).isEqualTo(1);
  }

  @Test
  void linesMayComeAsJsonTextAndTheSettingDecidesWhatCounts() {
    String text = CanonicalJson.write(CbamFixtures.lines());
    ToolResult result =
        tool.execute(
            inputs(text),
            Contexts.context(
                "uid-1",
                "emissions",
                EmbeddedEmissionsTool.NAME,
                Map.of("factorTable", CbamFixtures.TABLE, "countedEmissions", "direct"),
                null));
    assertThat(decimal(result.outputs(), "countedTonnes")).isEqualByComparingTo("220");
  }

  @Test
  void badLinesFailNamingTheLineAndField() {
    Map<String, Object> negative = new HashMap<>(CbamFixtures.actual("L1", "1", "2", "0.5"));
    negative.put("netMassTonnes", "-1");
    assertInvalid(
        List.of(negative), "input 'lines[0].netMassTonnes' must be greater than zero, was -1");

    Map<String, Object> noSee = new HashMap<>(CbamFixtures.actual("L1", "1", "2", "0.5"));
    noSee.remove("seeIndirect");
    assertInvalid(
        List.of(CbamFixtures.byDefault("L0", "1"), noSee),
        "input 'lines[1].seeIndirect' is required with method actual (t CO2e per t)");

    assertInvalid(
        List.of(CbamFixtures.byDefault("L1", "1"), CbamFixtures.byDefault("L1", "2")),
        "input 'lines[1].lineId' 'L1' is also the id of lines[0]");

    Map<String, Object> unknownCountry = new HashMap<>(CbamFixtures.byDefault("L1", "1"));
    unknownCountry.put("countryOfOrigin", "IN");
    unknownCountry.put("cnCode", "76012000");
    assertThatThrownBy(() -> tool.execute(inputs(List.of(unknownCountry)), context("uid-1")))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.reason()).isEqualTo("InvalidInput"))
        .hasMessageStartingWith("input 'lines[0].cnCode'");
  }

  @Test
  void tablesMustBeNamedAndValid() {
    assertThatThrownBy(
            () ->
                tool.execute(
                    Map.of("lines", CbamFixtures.lines()),
                    Contexts.context(EmbeddedEmissionsTool.NAME, Map.of())))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.reason()).isEqualTo("InvalidToolConfig"))
        .hasMessage(
            "spec.tools[cbam.embedded_emissions].config.defaultValues: is not set, nor factorTable,"
                + " and lines[1] ('L2') has method default");
    assertThatThrownBy(
            () ->
                tool.execute(
                    inputs(CbamFixtures.lines()),
                    Contexts.context(EmbeddedEmissionsTool.NAME, Map.of())))
        .hasMessageStartingWith("input 'factorTableCsv' is given but no table to publish it as");
    assertThatThrownBy(
            () ->
                tool.execute(
                    Map.of("lines", CbamFixtures.lines(), "factorTableCsv", "rowId,value\nx,1\n"),
                    context("uid-1")))
        .hasMessageStartingWith("input 'factorTableCsv' is not a valid factor table: ");
    assertThatThrownBy(
            () ->
                tool.execute(
                    Map.of("lines", CbamFixtures.lines()),
                    Contexts.context(EmbeddedEmissionsTool.NAME, Map.of("factorTable", "nowhere"))))
        .hasMessage(
            "input 'factorTable' names factor table 'nowhere', which the tenant's catalog does not have");
    assertThatThrownBy(
            () ->
                tool.execute(
                    inputs(CbamFixtures.lines()),
                    Contexts.context(EmbeddedEmissionsTool.NAME, Map.of("gwpSet", "AR6"))))
        .hasMessageStartingWith(
            "spec.tools[cbam.embedded_emissions].config.gwpSet is not a setting of");
  }

  @Test
  void changedRowsArePublishedAsTheNextVersion() {
    tool.execute(inputs(CbamFixtures.lines()), context("uid-1"));
    ToolResult changed =
        tool.execute(
            Map.of(
                "lines",
                CbamFixtures.lines(),
                "factorTableCsv",
                CbamFixtures.FACTORS.replace(
                    "d-indirect,cbam_default_see_indirect,76011000/CN,5,",
                    "d-indirect,cbam_default_see_indirect,76011000/CN,6,")),
            context("uid-2"));
    assertThat(calculations.versions(CbamFixtures.TABLE)).isEqualTo(2);
    assertThat(decimal(changed.outputs(), "embeddedIndirectTonnes")).isEqualByComparingTo("110");
  }

  private void assertInvalid(List<Map<String, Object>> lines, String message) {
    assertThatThrownBy(() -> tool.execute(inputs(lines), context("uid-1")))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.reason()).isEqualTo("InvalidInput"))
        .hasMessage(message);
  }

  private static BigDecimal decimal(Map<String, Object> outputs, String key) {
    return new BigDecimal(outputs.get(key).toString());
  }
}
