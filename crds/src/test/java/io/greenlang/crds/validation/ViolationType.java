package io.greenlang.crds.validation;

/**
 * The kinds of field error the Kubernetes API server reports, with the label it prints for each.
 */
public enum ViolationType {
  REQUIRED("Required value"),
  NOT_SUPPORTED("Unsupported value"),
  INVALID("Invalid value"),
  FORBIDDEN("Forbidden"),
  DUPLICATE("Duplicate value"),
  TOO_LONG("Too long"),
  TOO_MANY("Too many"),
  UNKNOWN_FIELD("Unknown field"),
  /** A validation rule that cannot be compiled or evaluated: the CRD is wrong, not the manifest. */
  BROKEN_RULE("Internal error");

  private final String label;

  ViolationType(String label) {
    this.label = label;
  }

  /** The text the API server prints after the field path, such as {@code Required value}. */
  public String label() {
    return label;
  }
}
