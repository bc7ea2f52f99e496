package io.greenlang.runtime.worker.tools.eudr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.eudr.EudrRiskScore;
import io.greenlang.runtime.catalog.TableRef;
import io.greenlang.runtime.worker.AgentTool;
import io.greenlang.runtime.worker.CanonicalJson;
import io.greenlang.runtime.worker.ToolContext;
import io.greenlang.runtime.worker.ToolResult;
import io.greenlang.runtime.worker.tools.ToolInputs;
import io.greenlang.runtime.worker.tools.ToolSettings;
import io.greenlang.runtime.worker.tools.calculation.CalculationFigures;
import io.greenlang.runtime.worker.tools.calculation.CalculationRun;
import io.greenlang.runtime.worker.tools.calculation.CalculationRunIds;
import io.greenlang.runtime.worker.tools.calculation.CalculationSteps;
import io.greenlang.runtime.worker.tools.calculation.StepCalculations;
import io.greenlang.runtime.worker.tools.calculation.StepTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code eudr.risk_score}: the EUDR composite risk score and level of a supplier's commodity,
 * formula {@code eudr.risk_score.v1} (Σ weight × score of ten criteria; levels negligible, low,
 * medium, high, critical), stored as a calculation run. Its {@code level} output is what a
 * Pipeline's {@code when} condition gates later steps on.
 */
@ApplicationScoped
public class EudrRiskScoreTool implements AgentTool {

  public static final String NAME = "eudr.risk_score";
  static final String VERSION = NAME + "/1";

  private static final Set<String> INPUTS =
      Set.of("commodity", "scores", "supplier", StepTables.TABLE, StepTables.CSV);
  private static final Set<String> SETTINGS = Set.of(StepTables.TABLE, "weights");

  private final StepCalculations calculations;

  public EudrRiskScoreTool(StepCalculations calculations) {
    this.calculations = calculations;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ToolResult execute(Map<String, Object> inputs, ToolContext context) {
    ToolInputs in = ToolInputs.of(inputs).rejectUnknown(INPUTS);
    ToolSettings settings = ToolSettings.of(NAME, context, SETTINGS);
    String commodity = in.text("commodity");
    Map<String, Object> scores = in.object("scores");
    Optional<String> supplier = in.optionalText("supplier");
    StepTables tables = StepTables.resolve(NAME, in, settings, calculations, context.task());
    TableRef weights = tables.forPurpose("weights", EudrRiskScore.DEFAULT_WEIGHTS);

    ObjectNode input = JsonNodeFactory.instance.objectNode();
    input.put("commodity", commodity);
    input.set("scores", CanonicalJson.tree(scores));
    input.set("weights", StepTables.json(weights));
    CalculationRun run;
    try {
      run =
          calculations.calculate(
              context.task().tenant(),
              CalculationSteps.actor(context.task()),
              CalculationRunIds.of(context.task()),
              EudrRiskScore.FORMULA,
              input);
    } catch (InvalidInputException e) {
      throw CalculationSteps.invalidInput(e, field -> field);
    }
    JsonNode provenance = run.provenance(0);
    Map<String, Object> exact = CalculationFigures.exact(provenance);
    Map<String, Object> presented = CalculationFigures.presented(provenance);

    Map<String, Object> assessment = new LinkedHashMap<>();
    supplier.ifPresent(s -> assessment.put("supplier", s));
    assessment.put("commodity", provenance.path("inputs").path("commodity").asText());
    assessment.put("score", presented.get("score"));
    assessment.put("level", exact.get("level"));

    Map<String, Object> outputs = new LinkedHashMap<>();
    supplier.ifPresent(s -> outputs.put("supplier", s));
    outputs.put("commodity", assessment.get("commodity"));
    outputs.putAll(exact);
    outputs.put("presented", presented);
    outputs.put("roundingRules", CalculationFigures.rules(provenance));
    outputs.put("assessment", assessment);
    outputs.put("resultHash", run.results().get(0).resultHash());
    return CalculationSteps.result(VERSION, run, tables.used(), outputs);
  }
}
