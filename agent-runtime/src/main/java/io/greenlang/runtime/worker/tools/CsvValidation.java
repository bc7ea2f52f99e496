package io.greenlang.runtime.worker.tools;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.greenlang.runtime.worker.CanonicalJson;
import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.ToolContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The machinery of {@code validate-csv}, for every tool that checks a CSV document against column
 * rules ({@code cbam.shipment_intake} too): reading the document, checking its header, each cell's
 * type and, optionally, rules across the cells of a row; every invalid cell is reported by row and
 * column, valid rows come out normalised.
 */
public final class CsvValidation {

  private CsvValidation() {}

  /**
   * How a tool reads CSV: the tool's name (for messages naming its settings), the delimiter, the
   * most data rows accepted and the most errors listed.
   */
  public record Options(String tool, char delimiter, int maxRows, int maxErrors) {

    /**
     * The settings {@code delimiter} ({@code ,}), {@code maxRows} (100000) and {@code maxErrors}
     * (1000) of {@code tool} in the agent's {@code spec.tools[].config}.
     *
     * @throws StepFailure {@code InvalidToolConfig} naming the setting
     */
    public static Options of(String tool, ToolContext context) {
      String delimiter = context.setting("delimiter", ",");
      if (delimiter.length() != 1) {
        throw new StepFailure(
            "InvalidToolConfig",
            "spec.tools["
                + tool
                + "].config.delimiter must be one character, was '"
                + delimiter
                + "'");
      }
      return new Options(
          tool,
          delimiter.charAt(0),
          positiveSetting(tool, context, "maxRows", 100_000),
          positiveSetting(tool, context, "maxErrors", 1000));
    }
  }

  /** Checks across the cells of one row whose cells each have the right type. */
  @FunctionalInterface
  public interface RowRule {
    /**
     * Checks the normalised row, reporting each problem to {@code errors}; a row with a problem is
     * invalid. The rule may also change the row's normalised cells.
     */
    void check(Map<String, Object> row, RowErrors errors);
  }

  /** Where a {@link RowRule} reports a problem with one cell. */
  @FunctionalInterface
  public interface RowErrors {
    void add(String column, String value, String message);
  }

  /**
   * What checking a document found.
   *
   * @param header the header's column names
   * @param rowCount data rows read
   * @param validRows the valid rows, normalised, by column name
   * @param errors the first {@code maxErrors} errors: {@code row} (1 = first after the header),
   *     {@code column}, {@code value}, {@code message}
   * @param errorCount all errors
   * @param invalidRows rows with at least one error
   * @param csvSha256 SHA-256 of the document's text
   */
  public record Outcome(
      List<String> header,
      int rowCount,
      List<Map<String, Object>> validRows,
      List<Map<String, Object>> errors,
      int errorCount,
      int invalidRows,
      String csvSha256) {}

  /**
   * Reads and checks the CSV document of input {@code input}.
   *
   * @param rowRule checks across a row's cells, or null
   * @throws StepFailure {@code InvalidInput} (blank, unreadable, no header, a column named twice),
   *     {@code MissingColumns} (with outputs {@code missingColumns}, {@code columns}), {@code
   *     TooManyRows}
   */
  public static Outcome check(
      String input, String csv, List<ColumnRule> rules, RowRule rowRule, Options options) {
    if (csv == null || csv.isBlank()) {
      throw StepFailure.invalidInput(input, "is required: the CSV document as text");
    }
    List<List<String>> records = read(input, csv, options);
    if (records.isEmpty()) {
      throw StepFailure.invalidInput(input, "has no header line");
    }
    List<String> header = records.get(0);
    CsvCheck check = new CsvCheck(header, rules, rowRule, options.maxErrors());
    if (!check.duplicateColumns().isEmpty()) {
      throw StepFailure.invalidInput(
          input,
          "names the column(s) " + check.duplicateColumns() + " more than once in its header");
    }
    List<String> missing = check.missingColumns();
    if (!missing.isEmpty()) {
      throw new StepFailure(
          "MissingColumns",
          "input '"
              + input
              + "' lacks the required column(s) "
              + missing
              + "; its header has "
              + header,
          Map.of("missingColumns", missing, "columns", header));
    }
    for (int row = 1; row < records.size(); row++) {
      check.row(row, records.get(row));
    }
    return new Outcome(
        header,
        records.size() - 1,
        check.validRows(),
        check.errors(),
        check.errorCount(),
        check.invalidRows(),
        CanonicalJson.sha256Hex(csv));
  }

  private static List<List<String>> read(String input, String csv, Options options) {
    CsvMapper mapper =
        CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(options.delimiter());
    // A byte order mark would otherwise become part of the first column's name.
    String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    List<List<String>> records = new ArrayList<>();
    try (MappingIterator<List<String>> rows =
        mapper.readerForListOf(String.class).with(schema).readValues(text)) {
      while (rows.hasNextValue()) {
        if (records.size() > options.maxRows()) {
          throw new StepFailure(
              "TooManyRows",
              "input '"
                  + input
                  + "' has more than "
                  + options.maxRows()
                  + " rows (spec.tools["
                  + options.tool()
                  + "].config.maxRows)");
        }
        records.add(rows.nextValue());
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof StepFailure failure) {
        throw failure;
      }
      throw StepFailure.invalidInput(
          input, "is not readable CSV after " + records.size() + " lines: " + e.getMessage());
    }
    return records;
  }

  private static int positiveSetting(String tool, ToolContext context, String name, int fallback) {
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
        "spec.tools["
            + tool
            + "].config."
            + name
            + " must be a whole number of at least 1, was '"
            + value
            + "'");
  }
}
