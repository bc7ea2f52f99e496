package io.greenlang.runtime.worker.tools;

import io.greenlang.runtime.worker.AgentTool;
import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.ToolContext;
import io.greenlang.runtime.worker.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code validate-csv}: checks a CSV document against column rules (required columns and the type
 * of each, {@link ColumnRule}) and reports every invalid cell by row and column; the valid rows
 * come out normalised (trimmed, CN codes as 8 digits, country codes upper case, decimals exact) for
 * the next step. The intake step of the CBAM pipeline uses it for shipment lines: CN code, country
 * of origin, net mass.
 *
 * <p>Input {@code csv} (the document); settings (from {@code spec.tools[].config}, input {@code
 * columns} overrides): {@code columns} (the rules), {@code delimiter} (default {@code ,}), {@code
 * rejectOnError} (default true: any invalid row fails the step with reason InvalidRows), {@code
 * maxRows} (default 100000), {@code maxErrors} listed (default 1000).
 */
@ApplicationScoped
public class CsvValidationTool implements AgentTool {

  public static final String NAME = "validate-csv";
  static final String VERSION = "validate-csv/1";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ToolResult execute(Map<String, Object> inputs, ToolContext context) {
    Object csvInput = inputs.get("csv");
    if (!(csvInput instanceof String csv) || csv.isBlank()) {
      throw StepFailure.invalidInput("csv", "is required: the CSV document as text");
    }
    List<ColumnRule> rules = rules(inputs, context);
    CsvValidation.Options options = CsvValidation.Options.of(NAME, context);
    boolean rejectOnError = Boolean.parseBoolean(context.setting("rejectOnError", "true"));
    CsvValidation.Outcome check = CsvValidation.check("csv", csv, rules, null, options);

    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("valid", check.invalidRows() == 0);
    outputs.put("columns", check.header());
    outputs.put("rowCount", check.rowCount());
    outputs.put("validRowCount", check.validRows().size());
    outputs.put("invalidRowCount", check.invalidRows());
    outputs.put("errorCount", check.errorCount());
    outputs.put("errors", check.errors());
    outputs.put("errorsTruncated", check.errorCount() > check.errors().size());
    outputs.put("rows", check.validRows());
    outputs.put("csvSha256", check.csvSha256());
    if (rejectOnError && check.invalidRows() > 0) {
      Map<String, Object> first = check.errors().get(0);
      throw new StepFailure(
          "InvalidRows",
          check.invalidRows()
              + " of "
              + check.rowCount()
              + " rows of input 'csv' are invalid; first: row "
              + first.get("row")
              + ", column "
              + first.get("column")
              + ": "
              + first.get("message"),
          outputs);
    }

    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("tool", VERSION);
    provenance.put("csvSha256", check.csvSha256());
    provenance.put(
        "rules",
        rules.stream()
            .map(r -> Map.of("name", r.name(), "type", r.type().id(), "required", r.required()))
            .toList());
    provenance.put("delimiter", String.valueOf(options.delimiter()));
    provenance.put("rowCount", check.rowCount());
    provenance.put("validRowCount", check.validRows().size());
    provenance.put("invalidRowCount", check.invalidRows());
    return ToolResult.deterministic(outputs, provenance);
  }

  private static List<ColumnRule> rules(Map<String, Object> inputs, ToolContext context) {
    Object fromInput = inputs.get("columns");
    String setting =
        fromInput != null ? "input 'columns'" : "spec.tools[validate-csv].config.columns";
    String text = fromInput != null ? fromInput.toString() : context.setting("columns", null);
    try {
      return ColumnRule.parse(text, setting);
    } catch (IllegalArgumentException e) {
      throw new StepFailure("InvalidToolConfig", e.getMessage());
    }
  }
}
