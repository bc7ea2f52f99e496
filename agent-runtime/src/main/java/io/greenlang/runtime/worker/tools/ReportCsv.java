package io.greenlang.runtime.worker.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.greenlang.runtime.worker.CanonicalJson;
import io.greenlang.runtime.worker.StepFailure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reading the {@code report} tool's table inputs and writing them as CSV. */
final class ReportCsv {

  // Quotes only cells that need it (separator, quote character, line break), as RFC 4180.
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private ReportCsv() {}

  /** Input {@code rows}: a list of objects, or nothing. */
  static List<Map<String, Object>> rows(Object input) {
    if (input == null) {
      return List.of();
    }
    if (!(input instanceof List<?> list)) {
      throw StepFailure.invalidInput("rows", "must be a list of objects");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        throw StepFailure.invalidInput("rows", "element " + i + " is not an object");
      }
      Map<String, Object> row = new LinkedHashMap<>();
      map.forEach((key, value) -> row.put(String.valueOf(key), value));
      rows.add(row);
    }
    return rows;
  }

  /**
   * Input {@code columns}, or every key of the rows in alphabetical order: rows that went through
   * JSON storage (PostgreSQL {@code jsonb}) no longer have their keys in the order they were
   * written, so only an explicit list or a sorted one is stable.
   */
  static List<String> columns(Object input, List<Map<String, Object>> rows) {
    if (input != null) {
      return names(input, "columns");
    }
    Set<String> keys = new TreeSet<>();
    rows.forEach(row -> keys.addAll(row.keySet()));
    return List.copyOf(keys);
  }

  /** A list of names given as a JSON list or as comma-separated text. */
  static List<String> names(Object input, String name) {
    List<String> names = new ArrayList<>();
    if (input instanceof List<?> list) {
      list.forEach(item -> names.add(String.valueOf(item).strip()));
    } else if (input instanceof String text) {
      for (String part : text.split(",")) {
        names.add(part.strip());
      }
    } else {
      throw StepFailure.invalidInput(name, "must be a list of names or comma-separated text");
    }
    if (names.stream().anyMatch(String::isEmpty)) {
      throw StepFailure.invalidInput(name, "contains an empty name");
    }
    return names;
  }

  /** The rows as CSV with a header line; structured cells as canonical JSON. */
  static String write(List<String> columns, List<Map<String, Object>> rows) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    List<Map<String, String>> cells = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, String> line = new LinkedHashMap<>();
      for (String column : columns) {
        line.put(column, cell(row.get(column)));
      }
      cells.add(line);
    }
    try {
      if (cells.isEmpty()) {
        // Jackson writes the header with the first row; a table without rows still has one.
        Map<String, String> header = new LinkedHashMap<>();
        columns.forEach(column -> header.put(column, column));
        return CSV.writer(schema.build().withoutHeader()).writeValueAsString(List.of(header));
      }
      return CSV.writer(schema.build()).writeValueAsString(cells);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Strings always write as CSV", e);
    }
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return CanonicalJson.write(value);
  }
}
