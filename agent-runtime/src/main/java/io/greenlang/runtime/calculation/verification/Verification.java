package io.greenlang.runtime.calculation.verification;

import java.util.List;

/**
 * The outcome of verifying one stored result: verified when every check passed. {@code
 * recomputedHash} is the hash of the provenance rebuilt by recalculating (null when the
 * recalculation could not run).
 */
public record Verification(
    boolean verified, long sequence, String resultHash, String recomputedHash, List<Check> checks) {

  /** One check: its name, whether it passed, and what was found. */
  public record Check(String name, boolean passed, String detail) {}

  /** The first failed check, or null. */
  public Check firstFailure() {
    return checks.stream().filter(check -> !check.passed()).findFirst().orElse(null);
  }
}
