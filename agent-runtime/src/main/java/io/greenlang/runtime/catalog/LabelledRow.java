package io.greenlang.runtime.catalog;

import java.util.Map;

/**
 * A row of text fields before validation, with the label errors name it by: {@code rows[3]} for a
 * JSON array element, {@code row 5} for the fifth data row of a CSV file.
 */
public record LabelledRow(String label, Map<String, String> fields) {

  /** The name of {@code field} in this row for an error message. */
  public String field(String field) {
    return label.startsWith("row ") ? label + ", " + field : label + "." + field;
  }
}
