package io.greenlang.operator.pipeline;

/**
 * One reason a Pipeline cannot run: the rule broken (a CamelCase reason), the field, and what is
 * wrong.
 */
public record PipelineProblem(String reason, String field, String message) {
  public static final String TENANT_NOT_RESOLVED = "TenantNotResolved";
  public static final String UNKNOWN_AGENT = "UnknownAgent";
  public static final String UNKNOWN_COMPENSATION_AGENT = "UnknownCompensationAgent";
  public static final String DEPENDENCY_CYCLE = "DependencyCycle";
  public static final String MALFORMED_REFERENCE = "MalformedReference";
  public static final String UNKNOWN_PARAM = "UnknownParam";
  public static final String UNKNOWN_STEP = "UnknownStepReference";
  public static final String NOT_UPSTREAM = "ReferenceNotUpstream";
  public static final String INVALID_WHEN = "InvalidWhen";

  /** "field: message", as conditions and Events show it. */
  public String describe() {
    return field + ": " + message;
  }
}
