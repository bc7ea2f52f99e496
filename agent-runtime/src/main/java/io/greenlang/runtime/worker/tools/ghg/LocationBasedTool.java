package io.greenlang.runtime.worker.tools.ghg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.ghg.LocationBasedElectricity;
import io.greenlang.runtime.catalog.TableRef;
import io.greenlang.runtime.worker.AgentTool;
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
import java.util.Set;

/**
 * {@code ghg.scope2.location_based}: GHG Protocol scope 2, location-based, formula {@code
 * ghg.scope2.location_based.v1}: electricity × the grid-average factor of the grid region (a row of
 * the tenant's grid-factor table), stored as a calculation run.
 */
@ApplicationScoped
public class LocationBasedTool implements AgentTool {

  public static final String NAME = "ghg.scope2.location_based";
  static final String VERSION = NAME + "/1";

  private static final Set<String> INPUTS =
      Set.of("electricity", "unit", "gridRegion", "asOf", StepTables.TABLE, StepTables.CSV);
  private static final Set<String> SETTINGS = Set.of(StepTables.TABLE, "gridFactors");

  private final StepCalculations calculations;

  public LocationBasedTool(StepCalculations calculations) {
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
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    input.set("electricity", ElectricityInputs.electricity(in));
    String region = in.text("gridRegion");
    StepTables tables = StepTables.resolve(NAME, in, settings, calculations, context.task());
    TableRef gridFactors =
        tables
            .forPurpose("gridFactors")
            .orElseThrow(
                () ->
                    settings.invalid(
                        "gridFactors",
                        "is not set, nor "
                            + StepTables.TABLE
                            + ": grid factors are rows of the tenant's catalog"));
    input.set("gridFactor", StepTables.factor(gridFactors, region));
    in.optionalDate("asOf").ifPresent(date -> input.put("asOf", date.toString()));

    CalculationRun run;
    try {
      run =
          calculations.calculate(
              context.task().tenant(),
              CalculationSteps.actor(context.task()),
              CalculationRunIds.of(context.task()),
              LocationBasedElectricity.FORMULA,
              input);
    } catch (InvalidInputException e) {
      throw CalculationSteps.invalidInput(e, LocationBasedTool::inputName);
    }
    JsonNode provenance = run.provenance(0);
    Map<String, Object> outputs = new LinkedHashMap<>(CalculationFigures.exact(provenance));
    outputs.put("gridRegion", region);
    outputs.put("presented", CalculationFigures.presented(provenance));
    outputs.put("roundingRules", CalculationFigures.rules(provenance));
    outputs.put("factorRows", ElectricityInputs.factorRows(provenance));
    outputs.put("resultHash", run.results().get(0).resultHash());
    return CalculationSteps.result(VERSION, run, tables.used(), outputs);
  }

  static String inputName(String field) {
    if (field.startsWith("electricity.unit")) {
      return "unit";
    }
    if (field.startsWith("electricity")) {
      return "electricity";
    }
    if (field.startsWith("gridFactor")) {
      return "gridRegion";
    }
    return field;
  }
}
