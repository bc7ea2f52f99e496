package io.greenlang.runtime.calculation.verification;

/**
 * The outcome of verifying a whole run: verified when every result verified and the chain is
 * unbroken from the genesis to the recorded root hash. {@code firstFailure} names the first result
 * (by sequence, 0 for the run itself) and check that failed.
 */
public record RunVerification(
    boolean verified,
    long resultsChecked,
    long resultsFailed,
    String rootHash,
    String recomputedRootHash,
    Failure firstFailure) {

  /** Where verification first failed. */
  public record Failure(long sequence, String check, String detail) {}
}
