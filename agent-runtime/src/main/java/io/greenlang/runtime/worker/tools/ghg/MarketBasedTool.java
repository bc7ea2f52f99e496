package io.greenlang.runtime.worker.tools.ghg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.ghg.MarketBasedElectricity;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ghg.scope2.market_based}: GHG Protocol scope 2, market-based, formula {@code
 * ghg.scope2.market_based.v1}: contractual instruments first, each at its own factor (given with
 * the instrument, or a row of the tenant's contractual-factor table), the remainder × the residual
 * mix of the region (a row of the tenant's residual-mix table), stored as a calculation run.
 */
@ApplicationScoped
public class MarketBasedTool implements AgentTool {

  public static final String NAME = "ghg.scope2.market_based";
  static final String VERSION = NAME + "/1";

  private static final Set<String> INPUTS =
      Set.of(
          "electricity",
          "unit",
          "instruments",
          "residualMixRegion",
          "asOf",
          StepTables.TABLE,
          StepTables.CSV);
  private static final Set<String> INSTRUMENT_FIELDS =
      Set.of("id", "type", "electricity", "unit", "emissionFactor");
  private static final Set<String> SETTINGS =
      Set.of(StepTables.TABLE, "residualMix", "contractualFactors");

  private final StepCalculations calculations;

  public MarketBasedTool(StepCalculations calculations) {
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
    StepTables tables = StepTables.resolve(NAME, in, settings, calculations, context.task());
    ArrayNode instruments = input.putArray("instruments");
    List<ToolInputs> given = in.has("instruments") ? in.objects("instruments") : List.of();
    for (ToolInputs instrument : given) {
      instrument.rejectUnknown(INSTRUMENT_FIELDS);
      ObjectNode item = instruments.addObject();
      item.put("id", instrument.text("id"));
      item.put("type", instrument.text("type"));
      item.set("electricity", ElectricityInputs.electricity(instrument));
      item.set("emissionFactor", emissionFactor(instrument, tables, settings));
    }
    Optional<String> region = in.optionalText("residualMixRegion");
    if (region.isPresent()) {
      TableRef residualMix =
          tables
              .forPurpose("residualMix")
              .orElseThrow(
                  () ->
                      settings.invalid(
                          "residualMix",
                          "is not set, nor "
                              + StepTables.TABLE
                              + ": residual-mix factors are rows of the tenant's catalog"));
      input.set("residualMix", StepTables.factor(residualMix, region.get()));
    }
    in.optionalDate("asOf").ifPresent(date -> input.put("asOf", date.toString()));

    CalculationRun run;
    try {
      run =
          calculations.calculate(
              context.task().tenant(),
              CalculationSteps.actor(context.task()),
              CalculationRunIds.of(context.task()),
              MarketBasedElectricity.FORMULA,
              input);
    } catch (InvalidInputException e) {
      throw CalculationSteps.invalidInput(e, MarketBasedTool::inputName);
    }
    JsonNode provenance = run.provenance(0);
    Map<String, Object> outputs = new LinkedHashMap<>(CalculationFigures.exact(provenance));
    region.ifPresent(r -> outputs.put("residualMixRegion", r));
    outputs.put("instrumentCount", given.size());
    outputs.put("presented", CalculationFigures.presented(provenance));
    outputs.put("roundingRules", CalculationFigures.rules(provenance));
    outputs.put("factorRows", ElectricityInputs.factorRows(provenance));
    outputs.put("resultHash", run.results().get(0).resultHash());
    return CalculationSteps.result(VERSION, run, tables.used(), outputs);
  }

  /**
   * An instrument's factor: inline {@code {"value", "unit", "source"}} (the certificate's own), a
   * catalog row {@code {"table", "subject"}}, or {@code {"subject"}} of the contractual-factor
   * table ({@code contractualFactors}, else the step's table).
   */
  private static JsonNode emissionFactor(
      ToolInputs instrument, StepTables tables, ToolSettings settings) {
    ToolInputs factor = instrument.nested("emissionFactor");
    if (factor.has("value") || factor.has("table")) {
      return CanonicalJson.tree(instrument.object("emissionFactor"));
    }
    String subject = factor.text("subject");
    TableRef table =
        tables
            .forPurpose("contractualFactors")
            .orElseThrow(
                () ->
                    settings.invalid(
                        "contractualFactors",
                        "is not set, nor "
                            + StepTables.TABLE
                            + ", and "
                            + instrument.path("emissionFactor")
                            + " names only a subject"));
    return StepTables.factor(table, subject);
  }

  static String inputName(String field) {
    if (field.startsWith("electricity.unit")) {
      return "unit";
    }
    if (field.startsWith("electricity")) {
      return "electricity";
    }
    if (field.startsWith("residualMix")) {
      return "residualMixRegion";
    }
    if (field.matches("instruments\\[\\d+]\\.electricity\\.unit.*")) {
      return field.substring(0, field.indexOf(".electricity")) + ".unit";
    }
    if (field.matches("instruments\\[\\d+]\\.electricity.*")) {
      return field.substring(0, field.indexOf(".electricity")) + ".electricity";
    }
    return field;
  }
}
