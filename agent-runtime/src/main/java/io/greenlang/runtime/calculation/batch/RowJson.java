package io.greenlang.runtime.calculation.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.catalog.CsvRecords;
import io.greenlang.runtime.catalog.LabelledRow;
import java.util.Map;

/**
 * Turns a CSV row into the JSON input of a formula. Column names are input paths with dots: {@code
 * fuelConsumed.value}, {@code benchmark.table}, {@code instruments.0.id} (a number is a list
 * index). Every cell is a string; the formula parses decimals exactly. Batch-wide defaults (request
 * parameters, same names) apply where the row leaves a cell empty.
 */
public final class RowJson {

  private RowJson() {}

  /** The row's input, or a failed input naming the conflicting column. */
  public static RowInput toInput(LabelledRow row, Map<String, String> defaults, long sourceRow) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    try {
      for (Map.Entry<String, String> value : defaults.entrySet()) {
        if (!row.fields().containsKey(value.getKey())) {
          put(json, value.getKey(), value.getValue());
        }
      }
      for (Map.Entry<String, String> cell : row.fields().entrySet()) {
        if (cell.getKey().equals(CsvRecords.EXTRA_CELLS)) {
          return RowInput.failed(
              new RowError(
                  row.label(), sourceRow, "cells", "more cells than the header has columns"));
        }
        put(json, cell.getKey(), cell.getValue());
      }
    } catch (IllegalArgumentException e) {
      return RowInput.failed(new RowError(row.label(), sourceRow, "header", e.getMessage()));
    }
    return RowInput.of(row.label(), sourceRow, json);
  }

  /** Request parameters with dotted names as one JSON object, e.g. the terms of an obligation. */
  public static ObjectNode fromParameters(Map<String, String> parameters) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      try {
        put(json, parameter.getKey(), parameter.getValue());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            parameter.getKey(), e.getMessage().replace("column", "parameter"));
      }
    }
    return json;
  }

  private static void put(ObjectNode json, String path, String value) {
    String[] parts = path.split("\\.", -1);
    ObjectNode parent = json;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = parent.get(parts[i]);
      if (child == null) {
        parent = parent.putObject(parts[i]);
      } else if (child.isObject()) {
        parent = (ObjectNode) child;
      } else {
        throw new IllegalArgumentException(
            "column "
                + path
                + " conflicts with column "
                + String.join(".", java.util.Arrays.copyOf(parts, i + 1)));
      }
    }
    String leaf = parts[parts.length - 1];
    if (leaf.isEmpty() || parent.has(leaf) && parent.get(leaf).isObject()) {
      throw new IllegalArgumentException("column " + path + " conflicts with columns under it");
    }
    parent.put(leaf, value);
  }
}
