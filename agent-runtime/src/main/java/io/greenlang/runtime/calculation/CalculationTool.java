package io.greenlang.runtime.calculation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.catalog.FactorLookup;

/**
 * A deterministic calculation with a documented formula id (docs/runtime/calculations.md): reads
 * and validates typed input, computes outputs from the input and catalog factors only, and writes
 * both for provenance. Implementations hold no state; the same input and factors give the same
 * output.
 *
 * @param <I> the typed input
 * @param <O> the typed output
 */
public interface CalculationTool<I, O> {

  /** The formula id, e.g. {@code ghg.scope1.stationary_combustion.v1}. */
  String formula();

  /** One sentence saying what the formula computes. */
  String description();

  /**
   * Reads and validates the input, applying documented defaults.
   *
   * @throws InvalidInputException naming the field
   */
  I read(InputReader input);

  /** The input as recorded in provenance; {@link #read} of it gives an equal input. */
  ObjectNode write(I input);

  /**
   * Computes the outputs. Every factor comes from {@code factors}.
   *
   * @throws InvalidInputException naming the field when a factor is missing or does not fit
   */
  O calculate(I input, FactorLookup factors);

  /** Writes the outputs, each decimal with its presentation rule. */
  void writeOutputs(O output, OutputWriter out);

  /** The GWP set the calculation used (a catalog table id), or null when none applies. */
  default String gwpSet(I input) {
    return null;
  }
}
