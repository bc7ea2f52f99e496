package io.greenlang.runtime.calculation;

/**
 * Sums the outputs of a batch. Sums of {@code BigDecimal}s are exact, so the totals do not depend
 * on the order of the rows.
 *
 * @param <O> the output type of the formula
 */
public interface BatchTotals<O> {

  /** Adds one row's outputs. */
  void add(O output);

  /** Writes the totals, each decimal with its presentation rule. */
  void write(OutputWriter out);
}
