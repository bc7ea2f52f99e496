package io.greenlang.runtime.calculation;

import io.greenlang.runtime.catalog.FactorLookup;
import io.greenlang.runtime.catalog.FactorLookupException;
import io.greenlang.runtime.catalog.FactorQuery;
import io.greenlang.runtime.catalog.FactorRow;
import java.util.Optional;

/**
 * Catalog lookups whose failures name the input field that led to them: the field naming the table
 * when the table is unknown, the field naming the row (a fuel, a CN code, a year) when the table
 * has no such row, and {@code asOf} when rows for several periods match.
 */
public final class FactorFields {

  private FactorFields() {}

  /**
   * The one row matching {@code query}.
   *
   * @throws InvalidInputException naming the field that explains the failure
   */
  public static FactorRow require(
      FactorLookup factors, FactorQuery query, String tableField, String rowField) {
    try {
      return factors.require(query);
    } catch (FactorLookupException e) {
      throw failure(e, tableField, rowField);
    }
  }

  /**
   * The row matching {@code query}, or empty.
   *
   * @throws InvalidInputException naming {@code tableField} when the table is unknown, {@code asOf}
   *     when rows are ambiguous
   */
  public static Optional<FactorRow> find(
      FactorLookup factors, FactorQuery query, String tableField, String rowField) {
    try {
      return factors.find(query);
    } catch (FactorLookupException e) {
      throw failure(e, tableField, rowField);
    }
  }

  static InvalidInputException failure(
      FactorLookupException e, String tableField, String rowField) {
    String field =
        switch (e.reason()) {
          case UNKNOWN_TABLE -> tableField;
          case NO_ROW -> rowField;
          case AMBIGUOUS -> "asOf";
        };
    return new InvalidInputException(field, e.getMessage());
  }
}
