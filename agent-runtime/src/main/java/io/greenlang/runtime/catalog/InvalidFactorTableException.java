package io.greenlang.runtime.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** A factor table that cannot be published; lists every problem with the field it concerns. */
public class InvalidFactorTableException extends IllegalArgumentException {

  /** One problem: the field (e.g. {@code rows[3].value}, {@code row 5, unit}) and what is wrong. */
  public record Problem(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  private final transient List<Problem> problems;

  public InvalidFactorTableException(List<Problem> problems) {
    super(
        problems.stream().limit(10).map(Problem::toString).collect(Collectors.joining("; "))
            + (problems.size() > 10 ? "; and " + (problems.size() - 10) + " more" : ""));
    this.problems = List.copyOf(problems);
  }

  public static InvalidFactorTableException of(String field, String message) {
    return new InvalidFactorTableException(List.of(new Problem(field, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
