package io.greenlang.runtime.calculation;

/**
 * A formula that can run over a CSV file of rows, one calculation per row, with totals.
 *
 * @param <I> the typed input
 * @param <O> the typed output
 */
public interface BatchableTool<I, O> extends CalculationTool<I, O> {

  /** A fresh accumulator of batch totals for this formula's outputs. */
  BatchTotals<O> newTotals();
}
