package io.greenlang.runtime.calculation;

import java.util.Objects;

/**
 * A calculation input that cannot be used, naming the field ({@code fuelConsumed.unit}, {@code
 * instruments[1].electricity.value}) and what is wrong with it.
 */
public class InvalidInputException extends IllegalArgumentException {

  private final String field;
  private final String problem;

  public InvalidInputException(String field, String problem) {
    super(field + ": " + problem);
    this.field = Objects.requireNonNull(field);
    this.problem = Objects.requireNonNull(problem);
  }

  /** The input field, as a JSON path with dots and [index]. */
  public String field() {
    return field;
  }

  /** What is wrong, without the field name. */
  public String problem() {
    return problem;
  }
}
