package io.greenlang.runtime.calculation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenlang.runtime.catalog.FactorLookup;
import java.io.UncheckedIOException;

/** JSON inputs and a calculator for tool tests. */
public final class CalculationFixtures {

  /** The code version recorded by test calculations. */
  public static final String CODE_VERSION = "test-1";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private CalculationFixtures() {}

  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <I, O> Calculated<O> calculate(
      CalculationTool<I, O> tool, String input, FactorLookup factors) {
    return new Calculator(CODE_VERSION).calculate(tool, json(input), factors);
  }
}
