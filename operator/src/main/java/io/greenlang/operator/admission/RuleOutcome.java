package io.greenlang.operator.admission;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of one group of rules: the violations, or, when there are none, a sentence saying
 * what was checked (shown in the condition the Agent reconciler reports).
 */
public record RuleOutcome(List<FieldViolation> violations, String summary) {

  public static RuleOutcome compliant(String summary) {
    return new RuleOutcome(List.of(), summary);
  }

  public static RuleOutcome violated(List<FieldViolation> violations) {
    return new RuleOutcome(List.copyOf(violations), null);
  }

  public boolean isCompliant() {
    return violations.isEmpty();
  }

  /** The summary when compliant, else every violation as {@code field: message}, joined. */
  public String message() {
    return isCompliant()
        ? summary
        : violations.stream().map(FieldViolation::describe).collect(Collectors.joining("; "));
  }

  /** Reason of the first violation, or {@code compliantReason} when there is none. */
  public String reason(String compliantReason) {
    return isCompliant() ? compliantReason : violations.get(0).reason();
  }
}
