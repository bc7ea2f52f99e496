package io.greenlang.runtime.calculation.batch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row of a run before calculation: its label for errors ({@code row 5}, {@code lines[4]}), its
 * data-row number in the source file (null for JSON input), and either the input JSON or the reason
 * it could not be built (then {@code input} is null).
 */
public record RowInput(String label, Long sourceRow, JsonNode input, RowError error) {

  public static RowInput of(String label, Long sourceRow, JsonNode input) {
    return new RowInput(label, sourceRow, input, null);
  }

  public static RowInput failed(RowError error) {
    return new RowInput(error.row(), error.sourceRow(), null, error);
  }
}
