package io.greenlang.runtime.worker.tools.cbam;

import io.greenlang.runtime.worker.AgentTool;
import io.greenlang.runtime.worker.CanonicalJson;
import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.ToolContext;
import io.greenlang.runtime.worker.ToolResult;
import io.greenlang.runtime.worker.tools.ColumnRule;
import io.greenlang.runtime.worker.tools.CsvValidation;
import io.greenlang.runtime.worker.tools.ToolInputs;
import io.greenlang.runtime.worker.tools.ToolSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code cbam.shipment_intake}: validates a quarter's shipments CSV with the {@code validate-csv}
 * machinery (required columns, CN code, ISO country, positive net mass) plus the rules across a
 * line's cells (method {@code actual} with both SEE values, {@code default} without; unique line
 * ids), reports every invalid cell by row and column, and outputs the valid lines normalised as
 * {@link CbamLine}s for the embedded-emissions step.
 */
@ApplicationScoped
public class ShipmentIntakeTool implements AgentTool {

  public static final String NAME = "cbam.shipment_intake";
  static final String VERSION = NAME + "/1";
  static final String INPUT = "shipments";

  /** The shipments CSV's columns: required ones first, then optional ones. */
  static final List<ColumnRule> COLUMNS =
      ColumnRule.parse(
          "line_id:text, cn_code:cn-code, country_of_origin:iso-country,"
              + " net_mass_t:positive-decimal, method:text,"
              + " see_direct_t_per_t:non-negative-decimal?, see_indirect_t_per_t:non-negative-decimal?,"
              + " benchmark:text?, counted_emissions:text?, installation:text?",
          NAME + " columns");

  private static final Set<String> SETTINGS =
      Set.of("delimiter", "maxRows", "maxErrors", "rejectOnError");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ToolResult execute(Map<String, Object> inputs, ToolContext context) {
    ToolInputs in = ToolInputs.of(inputs).rejectUnknown(Set.of(INPUT));
    ToolSettings settings = ToolSettings.of(NAME, context, SETTINGS);
    boolean rejectOnError =
        Boolean.parseBoolean(
            settings.choice("rejectOnError", Set.of("true", "false")).orElse("true"));
    if (!in.has(INPUT)) {
      throw in.invalid(INPUT, "is required: the shipments CSV as text");
    }
    CsvValidation.Outcome check =
        CsvValidation.check(
            INPUT,
            in.text(INPUT),
            COLUMNS,
            new LineRule(),
            CsvValidation.Options.of(NAME, context));

    List<Map<String, Object>> lines = new ArrayList<>();
    BigDecimal netMass = BigDecimal.ZERO;
    for (Map<String, Object> row : check.validRows()) {
      CbamLine line = CbamLine.read(ToolInputs.of(fields(row)));
      lines.add(line.toOutput());
      netMass = netMass.add(line.netMassTonnes());
    }
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("valid", check.invalidRows() == 0);
    outputs.put("columns", check.header());
    outputs.put("rowCount", check.rowCount());
    outputs.put("lineCount", lines.size());
    outputs.put("invalidRowCount", check.invalidRows());
    outputs.put("errorCount", check.errorCount());
    outputs.put("errors", check.errors());
    outputs.put("errorsTruncated", check.errorCount() > check.errors().size());
    outputs.put("lines", lines);
    outputs.put("totalNetMassTonnes", netMass);
    outputs.put("csvSha256", check.csvSha256());
    if (lines.isEmpty() && check.invalidRows() == 0) {
      throw in.invalid(INPUT, "has a header but no lines");
    }
    if (rejectOnError && check.invalidRows() > 0) {
      Map<String, Object> first = check.errors().get(0);
      throw new StepFailure(
          "InvalidRows",
          check.invalidRows()
              + " of "
              + check.rowCount()
              + " lines of input '"
              + INPUT
              + "' are invalid; first: row "
              + first.get("row")
              + ", column "
              + first.get("column")
              + ": "
              + first.get("message"),
          outputs);
    }
    String linesSha256 = CanonicalJson.sha256(lines);
    outputs.put("linesSha256", linesSha256);

    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("tool", VERSION);
    provenance.put("csvSha256", check.csvSha256());
    provenance.put("rowCount", check.rowCount());
    provenance.put("lineCount", lines.size());
    provenance.put("invalidRowCount", check.invalidRows());
    provenance.put("linesSha256", linesSha256);
    return ToolResult.deterministic(outputs, provenance);
  }

  /** A valid row's cells as the fields of a {@link CbamLine}. */
  private static Map<String, Object> fields(Map<String, Object> row) {
    Map<String, Object> fields = new LinkedHashMap<>();
    put(fields, "lineId", row.get("line_id"));
    put(fields, "cnCode", row.get("cn_code"));
    put(fields, "countryOfOrigin", row.get("country_of_origin"));
    put(fields, "netMassTonnes", row.get("net_mass_t"));
    put(fields, "method", row.get("method"));
    put(fields, "seeDirect", row.get("see_direct_t_per_t"));
    put(fields, "seeIndirect", row.get("see_indirect_t_per_t"));
    put(fields, "benchmark", row.get("benchmark"));
    put(fields, "countedEmissions", row.get("counted_emissions"));
    put(fields, "installation", row.get("installation"));
    return fields;
  }

  private static void put(Map<String, Object> fields, String name, Object cell) {
    if (cell != null && !cell.toString().isEmpty()) {
      fields.put(name, cell);
    }
  }

  /** The checks across one line's cells, after each cell has the right type. */
  private static final class LineRule implements CsvValidation.RowRule {
    private final Set<String> lineIds = new HashSet<>();

    @Override
    public void check(Map<String, Object> row, CsvValidation.RowErrors errors) {
      String lineId = (String) row.get("line_id");
      if (!CbamLine.LINE_ID.matcher(lineId).matches()) {
        errors.add(
            "line_id", lineId, "'" + lineId + "' is not a line id (letters, digits, . _ : / -)");
      } else if (!lineIds.add(lineId)) {
        errors.add("line_id", lineId, "'" + lineId + "' is the id of an earlier line");
      }
      String method = ((String) row.get("method")).toLowerCase(Locale.ROOT);
      row.put("method", method);
      boolean direct = present(row, "see_direct_t_per_t");
      boolean indirect = present(row, "see_indirect_t_per_t");
      if (CbamLine.ACTUAL.equals(method)) {
        if (!direct) {
          errors.add(
              "see_direct_t_per_t", "", "is empty; method actual needs the supplier's value");
        }
        if (!indirect) {
          errors.add(
              "see_indirect_t_per_t", "", "is empty; method actual needs the supplier's value");
        }
      } else if (CbamLine.DEFAULT.equals(method)) {
        if (direct || indirect) {
          String column = direct ? "see_direct_t_per_t" : "see_indirect_t_per_t";
          errors.add(
              column,
              (String) row.get(column),
              "is given with method default, which takes the default values; use method actual");
        }
      } else {
        errors.add("method", method, "'" + method + "' is not actual or default");
      }
      if (present(row, "counted_emissions")) {
        String counted = ((String) row.get("counted_emissions")).toLowerCase(Locale.ROOT);
        row.put("counted_emissions", counted);
        if (!CbamLine.COUNTED.contains(counted)) {
          errors.add("counted_emissions", counted, "'" + counted + "' is not total or direct");
        }
      }
    }

    private static boolean present(Map<String, Object> row, String column) {
      Object cell = row.get(column);
      return cell != null && !cell.toString().isEmpty();
    }
  }
}
