package io.greenlang.runtime.catalog;

/**
 * A factor that cannot be found unambiguously: unknown table or version, no matching row, or more
 * than one (rows for several periods and no date given).
 */
public class FactorLookupException extends RuntimeException {
  public FactorLookupException(String message) {
    super(message);
  }
}
