package io.greenlang.runtime.worker.tools.ghg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.ghg.GwpSets;
import io.greenlang.runtime.calculation.ghg.StationaryCombustion;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ghg.scope1.stationary_combustion}: GHG Protocol scope 1 from fuels burnt in stationary
 * equipment, formula {@code ghg.scope1.stationary_combustion.v1} (IPCC 2006 Vol. 2 Ch. 2 Tier 1:
 * energy × emission factor per gas, CO2e with the GWP set, biogenic CO2 separately), one result per
 * fuel in one stored calculation run, with the totals.
 */
@ApplicationScoped
public class StationaryCombustionTool implements AgentTool {

  public static final String NAME = "ghg.scope1.stationary_combustion";
  static final String VERSION = NAME + "/1";

  private static final Set<String> INPUTS =
      Set.of("fuels", "fuel", "quantity", "unit", "asOf", StepTables.TABLE, StepTables.CSV);
  private static final Set<String> FUEL_FIELDS = Set.of("fuel", "quantity", "unit");
  private static final Set<String> SETTINGS =
      Set.of(StepTables.TABLE, "gwpSet", "emissionFactors", "netCalorificValues");
  private static final Pattern ROW_FIELD = Pattern.compile("rows\\[(\\d+)]\\.?(.*)");

  private final StepCalculations calculations;

  public StationaryCombustionTool(StepCalculations calculations) {
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
    boolean list = in.has("fuels");
    if (list && (in.has("fuel") || in.has("quantity") || in.has("unit"))) {
      throw in.invalid("fuels", "is given with fuel/quantity/unit; give one fuel or a list");
    }
    List<ToolInputs> fuels = list ? in.objects("fuels") : List.of(in);
    String gwpSet = settings.text("gwpSet").orElse("AR6");
    StepTables tables = StepTables.resolve(NAME, in, settings, calculations, context.task());
    TableRef gwpTable = tables.named("gwpSet", GwpSets.tableId(gwpSet));
    TableRef emissionFactors =
        tables.forPurpose("emissionFactors", StationaryCombustion.DEFAULT_EMISSION_FACTORS);
    TableRef netCalorificValues =
        tables.forPurpose("netCalorificValues", StationaryCombustion.DEFAULT_NET_CALORIFIC_VALUES);

    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    List<Map<String, Object>> described = new ArrayList<>();
    for (ToolInputs fuel : fuels) {
      if (list) {
        fuel.rejectUnknown(FUEL_FIELDS);
      }
      BigDecimal quantity = fuel.decimal("quantity");
      if (quantity.signum() < 0) {
        throw fuel.invalid("quantity", "must not be negative, was " + quantity.toPlainString());
      }
      ObjectNode row = rows.addObject();
      row.put("fuel", fuel.text("fuel"));
      ObjectNode consumed = row.putObject("fuelConsumed");
      consumed.put("value", quantity.toPlainString());
      consumed.put("unit", fuel.text("unit"));
      row.put("gwpSet", gwpTable.id());
      row.set("emissionFactors", StepTables.json(emissionFactors));
      row.set("netCalorificValues", StepTables.json(netCalorificValues));
      in.optionalDate("asOf").ifPresent(date -> row.put("asOf", date.toString()));
      Map<String, Object> description = new LinkedHashMap<>();
      description.put("fuel", fuel.text("fuel"));
      description.put("quantity", quantity);
      description.put("unit", fuel.text("unit"));
      described.add(description);
    }
    CalculationRun run;
    try {
      run =
          calculations.calculateRows(
              context.task().tenant(),
              CalculationSteps.actor(context.task()),
              CalculationRunIds.of(context.task()),
              StationaryCombustion.FORMULA,
              rows);
    } catch (InvalidInputException e) {
      throw CalculationSteps.invalidInput(e, field -> inputName(field, list));
    }

    List<Map<String, Object>> results = new ArrayList<>();
    for (int i = 0; i < described.size(); i++) {
      Map<String, Object> result = new LinkedHashMap<>(described.get(i));
      result.putAll(CalculationFigures.exact(run.provenance(i)));
      result.put("sequence", run.results().get(i).sequence());
      result.put("resultHash", run.results().get(i).resultHash());
      results.add(result);
    }
    Map<String, Object> total = CalculationFigures.totals(run.totals(), "exact");
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("gwpSet", gwpSet);
    outputs.put("totalCO2eTonnes", total.get("totalCO2eTonnes"));
    outputs.put("biogenicCO2Tonnes", total.get("biogenicCO2Tonnes"));
    outputs.put("energyTJ", total.get("energyTJ"));
    outputs.put("total", total);
    outputs.put("totalPresented", CalculationFigures.totals(run.totals(), "presented"));
    outputs.put("roundingRules", CalculationFigures.totals(run.totals(), "rules"));
    outputs.put("fuels", results);
    return CalculationSteps.result(VERSION, run, tables.used(), outputs);
  }

  /** {@code rows[1].fuelConsumed.value} → {@code fuels[1].quantity} (or {@code quantity}). */
  static String inputName(String field, boolean list) {
    Matcher matcher = ROW_FIELD.matcher(field);
    if (!matcher.matches()) {
      return list ? "fuels" : field;
    }
    String name = matcher.group(2);
    if (name.startsWith("fuelConsumed.unit")) {
      name = "unit";
    } else if (name.startsWith("fuelConsumed")) {
      name = "quantity";
    } else if (name.startsWith("emissionFactors") || name.startsWith("netCalorificValues")) {
      // A missing factor row is a fuel the table does not know.
      name = "fuel";
    }
    return list ? "fuels[" + matcher.group(1) + "]." + name : name;
  }
}
