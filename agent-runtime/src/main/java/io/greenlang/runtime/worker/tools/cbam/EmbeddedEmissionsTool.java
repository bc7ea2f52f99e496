package io.greenlang.runtime.worker.tools.cbam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.cbam.ImportLineEmissions;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cbam.embedded_emissions}: every import line through formula {@code
 * cbam.embedded_emissions.v1} (SEE × net mass, direct and indirect separately, actual or default
 * values) as one stored calculation run, one result per line; outputs each line's figures with its
 * result hash, the totals, and the lines as formula inputs with their tables pinned, for the
 * certificate-obligation step to recalculate exactly.
 */
@ApplicationScoped
public class EmbeddedEmissionsTool implements AgentTool {

  public static final String NAME = "cbam.embedded_emissions";
  static final String VERSION = NAME + "/1";

  private static final Set<String> INPUTS =
      Set.of("lines", "asOf", StepTables.TABLE, StepTables.CSV);
  private static final Set<String> SETTINGS =
      Set.of(StepTables.TABLE, "defaultValues", "benchmarks", "countedEmissions");
  private static final Pattern ROW_FIELD = Pattern.compile("rows\\[(\\d+)]\\.?([^.\\[]*)(.*)");
  private static final Map<String, String> LINE_FIELDS =
      Map.of(
          "netMass", "netMassTonnes",
          "defaultValues", "method",
          "countedEmissions", "countedEmissions");

  private final StepCalculations calculations;

  public EmbeddedEmissionsTool(StepCalculations calculations) {
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
    String counted = settings.choice("countedEmissions", CbamLine.COUNTED).orElse(null);
    List<CbamLine> lines = lines(in);
    LocalDate asOf = in.optionalDate("asOf").orElse(null);
    StepTables tables = StepTables.resolve(NAME, in, settings, calculations, context.task());
    TableRef defaults = tableFor(lines, tables, settings, "defaultValues", CbamLine.DEFAULT);
    TableRef benchmarks = tableFor(lines, tables, settings, "benchmarks", null);

    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    lines.forEach(line -> rows.add(line.toFormulaInput(defaults, benchmarks, counted, asOf)));
    CalculationRun run;
    try {
      run =
          calculations.calculateRows(
              context.task().tenant(),
              CalculationSteps.actor(context.task()),
              CalculationRunIds.of(context.task()),
              ImportLineEmissions.FORMULA,
              rows);
    } catch (InvalidInputException e) {
      throw CalculationSteps.invalidInput(e, EmbeddedEmissionsTool::inputName);
    }

    List<Map<String, Object>> results = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      results.add(lineResult(lines.get(i), run, i));
    }
    Map<String, Object> total = CalculationFigures.totals(run.totals(), "exact");
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("lineCount", lines.size());
    for (String figure :
        List.of(
            "netMassTonnes",
            "embeddedDirectTonnes",
            "embeddedIndirectTonnes",
            "embeddedTotalTonnes",
            "countedTonnes",
            "freeAllocationBasisTonnes")) {
      outputs.put(figure, total.get(figure));
    }
    outputs.put("total", total);
    outputs.put("totalPresented", CalculationFigures.totals(run.totals(), "presented"));
    outputs.put("roundingRules", CalculationFigures.totals(run.totals(), "rules"));
    outputs.put("lines", results);
    outputs.put("lineInputs", rows);
    return CalculationSteps.result(VERSION, run, tables.used(), outputs);
  }

  private static List<CbamLine> lines(ToolInputs in) {
    List<CbamLine> lines = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<ToolInputs> elements = in.objects("lines");
    for (int i = 0; i < elements.size(); i++) {
      CbamLine line = CbamLine.read(elements.get(i));
      Integer earlier = seen.putIfAbsent(line.lineId(), i);
      if (earlier != null) {
        throw elements
            .get(i)
            .invalid("lineId", "'" + line.lineId() + "' is also the id of lines[" + earlier + "]");
      }
      lines.add(line);
    }
    return lines;
  }

  /** The table lines need for {@code setting}: required once a line needs it. */
  private static TableRef tableFor(
      List<CbamLine> lines,
      StepTables tables,
      ToolSettings settings,
      String setting,
      String method) {
    for (int i = 0; i < lines.size(); i++) {
      CbamLine line = lines.get(i);
      boolean needs = method != null ? method.equals(line.method()) : line.benchmark() != null;
      if (needs) {
        int index = i;
        return tables
            .forPurpose(setting)
            .orElseThrow(
                () ->
                    settings.invalid(
                        setting,
                        "is not set, nor "
                            + StepTables.TABLE
                            + ", and lines["
                            + index
                            + "] ('"
                            + line.lineId()
                            + "') "
                            + (method != null
                                ? "has method " + method
                                : "names benchmark '" + line.benchmark() + "'")));
      }
    }
    return null;
  }

  private static Map<String, Object> lineResult(CbamLine line, CalculationRun run, int index) {
    JsonNode provenance = run.provenance(index);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("lineId", line.lineId());
    result.put("cnCode", line.cnCode());
    result.put("countryOfOrigin", line.countryOfOrigin());
    result.put("method", line.method());
    result.put("countedEmissions", provenance.path("inputs").path("countedEmissions").asText());
    if (line.benchmark() != null) {
      result.put("benchmark", line.benchmark());
    }
    if (line.installation() != null) {
      result.put("installation", line.installation());
    }
    result.putAll(CalculationFigures.exact(provenance));
    result.put("sequence", run.results().get(index).sequence());
    result.put("resultHash", run.results().get(index).resultHash());
    return result;
  }

  /**
   * A formula field of a row as the line's field: {@code rows[2].netMass.value} → {@code
   * lines[2].netMassTonnes}.
   */
  static String inputName(String field) {
    Matcher matcher = ROW_FIELD.matcher(field);
    if (!matcher.matches()) {
      return "lines";
    }
    String name = matcher.group(2);
    String line = "lines[" + matcher.group(1) + "]";
    return name.isEmpty() ? line : line + "." + LINE_FIELDS.getOrDefault(name, name);
  }
}
