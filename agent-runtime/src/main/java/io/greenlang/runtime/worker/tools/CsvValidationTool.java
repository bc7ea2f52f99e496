package io.greenlang.runtime.worker.tools;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.greenlang.runtime.worker.AgentTool;
import io.greenlang.runtime.worker.CanonicalJson;
import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.ToolContext;
import io.greenlang.runtime.worker.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
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
    char delimiter = delimiter(context.setting("delimiter", ","));
    int maxRows = positiveSetting(context, "maxRows", 100_000);
    int maxErrors = positiveSetting(context, "maxErrors", 1000);
    boolean rejectOnError = Boolean.parseBoolean(context.setting("rejectOnError", "true"));

    List<List<String>> records = read(csv, delimiter, maxRows);
    if (records.isEmpty()) {
      throw StepFailure.invalidInput("csv", "has no header line");
    }
    List<String> header = records.get(0);
    CsvCheck check = new CsvCheck(header, rules, maxErrors);
    if (!check.duplicateColumns().isEmpty()) {
      throw StepFailure.invalidInput(
          "csv",
          "names the column(s) " + check.duplicateColumns() + " more than once in its header");
    }
    List<String> missing = check.missingColumns();
    if (!missing.isEmpty()) {
      throw new StepFailure(
          "MissingColumns",
          "input 'csv' lacks the required column(s) " + missing + "; its header has " + header,
          Map.of("missingColumns", missing, "columns", header));
    }
    for (int row = 1; row < records.size(); row++) {
      check.row(row, records.get(row));
    }

    String csvSha256 = CanonicalJson.sha256Hex(csv);
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("valid", check.invalidRows() == 0);
    outputs.put("columns", header);
    outputs.put("rowCount", records.size() - 1);
    outputs.put("validRowCount", check.validRows().size());
    outputs.put("invalidRowCount", check.invalidRows());
    outputs.put("errorCount", check.errorCount());
    outputs.put("errors", check.errors());
    outputs.put("errorsTruncated", check.errorCount() > check.errors().size());
    outputs.put("rows", check.validRows());
    outputs.put("csvSha256", csvSha256);
    if (rejectOnError && check.invalidRows() > 0) {
      Map<String, Object> first = check.errors().get(0);
      throw new StepFailure(
          "InvalidRows",
          check.invalidRows()
              + " of "
              + (records.size() - 1)
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
    provenance.put("csvSha256", csvSha256);
    provenance.put(
        "rules",
        rules.stream()
            .map(r -> Map.of("name", r.name(), "type", r.type().id(), "required", r.required()))
            .toList());
    provenance.put("delimiter", String.valueOf(delimiter));
    provenance.put("rowCount", records.size() - 1);
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

  private static char delimiter(String setting) {
    if (setting.length() != 1) {
      throw new StepFailure(
          "InvalidToolConfig",
          "spec.tools[validate-csv].config.delimiter must be one character, was '" + setting + "'");
    }
    return setting.charAt(0);
  }

  private static int positiveSetting(ToolContext context, String name, int fallback) {
    String value = context.setting(name, Integer.toString(fallback));
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 1) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // Reported below with the setting's name.
    }
    throw new StepFailure(
        "InvalidToolConfig",
        "spec.tools[validate-csv].config."
            + name
            + " must be a whole number of at least 1, was '"
            + value
            + "'");
  }

  private static List<List<String>> read(String csv, char delimiter, int maxRows) {
    CsvMapper mapper =
        CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter);
    // A byte order mark would otherwise become part of the first column's name.
    String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    List<List<String>> records = new ArrayList<>();
    try (MappingIterator<List<String>> rows =
        mapper.readerForListOf(String.class).with(schema).readValues(text)) {
      while (rows.hasNextValue()) {
        if (records.size() > maxRows) {
          throw new StepFailure(
              "TooManyRows",
              "input 'csv' has more than "
                  + maxRows
                  + " rows (spec.tools[validate-csv].config.maxRows)");
        }
        records.add(rows.nextValue());
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof StepFailure failure) {
        throw failure;
      }
      throw StepFailure.invalidInput(
          "csv", "is not readable CSV after " + records.size() + " lines: " + e.getMessage());
    }
    return records;
  }
}
