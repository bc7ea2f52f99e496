package io.greenlang.runtime.calculation.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.catalog.CsvRecords;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The rows of a run, from a CSV file (streamed) or from a JSON list of import lines. */
public final class RowInputs {

  private RowInputs() {}

  /** The records of a CSV file as row inputs {@code row 1, row 2, ...}, read as they are used. */
  public static Iterator<RowInput> csv(CsvRecords records, Map<String, String> defaults) {
    return new Iterator<>() {
      private long row;

      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public RowInput next() {
        return RowJson.toInput(records.next(), defaults, ++row);
      }
    };
  }

  /**
   * The elements of the JSON list {@code field} of {@code input} as row inputs {@code field[0],
   * field[1], ...}.
   *
   * @throws InvalidInputException when the list is missing, empty or longer than {@code max}
   */
  public static List<RowInput> jsonList(JsonNode input, String field, int max) {
    JsonNode list = input == null ? null : input.get(field);
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new InvalidInputException(field, "required: a non-empty list");
    }
    if (list.size() > max) {
      throw new InvalidInputException(
          field, list.size() + " elements; send more than " + max + " as a CSV batch");
    }
    List<RowInput> rows = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      rows.add(RowInput.of(field + "[" + i + "]", null, list.get(i)));
    }
    return rows;
  }
}
