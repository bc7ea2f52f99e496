package io.greenlang.runtime.llm.cost;

import io.greenlang.crds.region.LlmProvider;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The list price of one model of one provider kind, in US dollars per 1,000 tokens, with where it
 * was published and the price-table version it belongs to.
 *
 * @param provider the Region endpoint kind the price applies to
 * @param model the model id, or {@code *} for every model of the provider without a price of its
 *     own
 * @param inputPer1k price of 1,000 input (prompt) tokens, at most 6 decimals
 * @param outputPer1k price of 1,000 output (completion) tokens, at most 6 decimals
 * @param version the price-table version, recorded with every call it prices
 * @param source where the price was published
 */
public record ModelPrice(
    LlmProvider provider,
    String model,
    BigDecimal inputPer1k,
    BigDecimal outputPer1k,
    String version,
    String source) {

  /** Prices have at most this many decimals, so that a call's cost is exact in nano-dollars. */
  public static final int MAX_PRICE_SCALE = 6;

  public ModelPrice {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(inputPer1k, "inputPer1k");
    Objects.requireNonNull(outputPer1k, "outputPer1k");
  }

  /**
   * The exact cost of a call: input tokens times the input price plus output tokens times the
   * output price, per 1,000 tokens (DOMAIN.md, "Cost controls"). At most 9 decimals.
   */
  public BigDecimal cost(long inputTokens, long outputTokens) {
    return inputPer1k
        .multiply(BigDecimal.valueOf(inputTokens))
        .add(outputPer1k.multiply(BigDecimal.valueOf(outputTokens)))
        .movePointLeft(3)
        .stripTrailingZeros();
  }
}
