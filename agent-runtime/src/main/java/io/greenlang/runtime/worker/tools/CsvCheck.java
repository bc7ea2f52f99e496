package io.greenlang.runtime.worker.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The state of checking one CSV document row by row against its column rules. */
final class CsvCheck {

  private final List<String> header;
  private final List<ColumnRule> rules;
  private final CsvValidation.RowRule rowRule;
  private final int maxErrors;
  private final Map<String, Integer> positions = new LinkedHashMap<>();
  private final List<Map<String, Object>> errors = new ArrayList<>();
  private final List<Map<String, Object>> validRows = new ArrayList<>();
  private int errorCount;
  private int invalidRows;

  CsvCheck(
      List<String> header, List<ColumnRule> rules, CsvValidation.RowRule rowRule, int maxErrors) {
    this.header = header;
    this.rules = rules;
    this.rowRule = rowRule;
    this.maxErrors = maxErrors;
    for (int i = 0; i < header.size(); i++) {
      positions.putIfAbsent(header.get(i), i);
    }
  }

  /** Header names that occur more than once. */
  List<String> duplicateColumns() {
    return header.stream()
        .filter(n -> header.indexOf(n) != header.lastIndexOf(n))
        .distinct()
        .toList();
  }

  /** Required columns the header lacks (an optional column may be left out altogether). */
  List<String> missingColumns() {
    return rules.stream()
        .filter(ColumnRule::required)
        .map(ColumnRule::name)
        .filter(n -> !positions.containsKey(n))
        .toList();
  }

  /** Checks data row {@code row} (1 is the first row after the header). */
  void row(int row, List<String> cells) {
    int before = errorCount;
    if (cells.size() != header.size()) {
      error(row, null, null, "has " + cells.size() + " fields, the header has " + header.size());
    }
    Map<String, Object> normalised = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      normalised.put(header.get(i), i < cells.size() ? cells.get(i) : "");
    }
    for (ColumnRule rule : rules) {
      String cell = (String) normalised.get(rule.name());
      if (cell == null || cell.isEmpty()) {
        if (rule.required()) {
          error(row, rule.name(), cell, "is empty; a " + rule.type().id() + " is required");
        }
        continue;
      }
      try {
        normalised.put(rule.name(), rule.type().normalise(cell));
      } catch (IllegalArgumentException e) {
        error(row, rule.name(), cell, e.getMessage());
      }
    }
    if (errorCount == before && rowRule != null) {
      rowRule.check(normalised, (column, value, message) -> error(row, column, value, message));
    }
    if (errorCount > before) {
      invalidRows++;
    } else {
      validRows.add(normalised);
    }
  }

  private void error(int row, String column, String value, String message) {
    errorCount++;
    if (errors.size() < maxErrors) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("row", row);
      error.put("column", column);
      error.put("value", value);
      error.put("message", message);
      errors.add(error);
    }
  }

  List<Map<String, Object>> errors() {
    return errors;
  }

  List<Map<String, Object>> validRows() {
    return validRows;
  }

  int errorCount() {
    return errorCount;
  }

  int invalidRows() {
    return invalidRows;
  }
}
