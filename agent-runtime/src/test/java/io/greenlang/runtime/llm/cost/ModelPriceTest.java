package io.greenlang.runtime.llm.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.crds.region.LlmProvider;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ModelPriceTest {

  private static ModelPrice price(String input, String output) {
    return new ModelPrice(
        LlmProvider.OPENAI, "m", new BigDecimal(input), new BigDecimal(output), "v1", "source");
  }

  @Test
  void costIsInputTimesInputPricePlusOutputTimesOutputPricePerThousandTokens() {
    // gpt-4o-mini: $0.15 and $0.60 per million tokens.
    assertThat(price("0.00015", "0.0006").cost(123_457, 7_891)).isEqualByComparingTo("0.02325315");
    assertThat(price("0.003", "0.015").cost(1, 0)).isEqualByComparingTo("0.000003");
    assertThat(price("0.000001", "0").cost(1, 0)).isEqualByComparingTo("0.000000001");
  }

  @Test
  void everyCostIsAWholeNumberOfNanoDollars() {
    BigDecimal cost = price("0.000075", "0.000333").cost(999_999, 12_345);
    assertThat(NanoDollars.exact(cost)).isEqualTo(74_999_925L + 4_110_885L);
    assertThat(NanoDollars.toUsd(NanoDollars.exact(cost))).isEqualByComparingTo(cost);
  }

  @Test
  void nanoDollarsRefuseToRoundUnlessAskedTo() {
    assertThatThrownBy(() -> NanoDollars.exact(new BigDecimal("0.0000000001")))
        .isInstanceOf(ArithmeticException.class);
    assertThat(NanoDollars.roundedUp(new BigDecimal("0.0000000001"))).isEqualTo(1);
  }
}
