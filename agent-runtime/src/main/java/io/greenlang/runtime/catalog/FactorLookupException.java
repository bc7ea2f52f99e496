package io.greenlang.runtime.catalog;

/**
 * A factor that cannot be found unambiguously, with the reason: the table or version does not
 * exist, no row matches, or several do (rows for several periods and no date given).
 */
public class FactorLookupException extends RuntimeException {

  /** Why the lookup failed. */
  public enum Reason {
    UNKNOWN_TABLE,
    NO_ROW,
    AMBIGUOUS
  }

  private final Reason reason;

  public FactorLookupException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
