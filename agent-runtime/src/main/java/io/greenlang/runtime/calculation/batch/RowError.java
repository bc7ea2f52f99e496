package io.greenlang.runtime.calculation.batch;

/**
 * Why one row of a batch gave no result: the row ({@code row 5}), its data-row number, the field
 * ({@code netMass.unit}) and the problem. The batch goes on.
 */
public record RowError(String row, Long sourceRow, String field, String problem) {}
