package io.greenlang.operator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WhenConditionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Function<Reference, JsonNode> values(Map<Reference, JsonNode> values) {
    return values::get;
  }

  @Test
  void stringsCompareAsStrings() {
    WhenCondition when = WhenCondition.compile("${steps.score.outputs.level} != 'critical'");

    assertThat(when.references()).containsExactly(Reference.stepOutput("score", "level"));
    assertThat(
            when.evaluate(
                values(Map.of(Reference.stepOutput("score", "level"), TextNode.valueOf("high")))))
        .isTrue();
    assertThat(
            when.evaluate(
                values(
                    Map.of(Reference.stepOutput("score", "level"), TextNode.valueOf("critical")))))
        .isFalse();
  }

  @Test
  void numbersCompareAcrossIntAndDecimal() {
    WhenCondition when =
        WhenCondition.compile(
            "${steps.score.outputs.score} >= 75 && ${steps.score.outputs.weight} < 0.5");

    assertThat(
            when.evaluate(
                values(
                    Map.of(
                        Reference.stepOutput("score", "score"),
                            new DecimalNode(new BigDecimal("80.50")),
                        Reference.stepOutput("score", "weight"),
                            new DecimalNode(new BigDecimal("0.10"))))))
        .isTrue();
    assertThat(
            when.evaluate(
                values(
                    Map.of(
                        Reference.stepOutput("score", "score"),
                            new DecimalNode(new BigDecimal("75.0")),
                        Reference.stepOutput("score", "weight"),
                            new DecimalNode(new BigDecimal("1"))))))
        .isFalse();
  }

  @Test
  void listsMapsAndBooleansKeepTheirType() throws Exception {
    WhenCondition when =
        WhenCondition.compile(
            "size(${steps.intake.outputs.errors}) == 0 && ${steps.intake.outputs.valid}"
                + " && ${steps.intake.outputs.report}.rows > 1 && ${params.country} in ['DE', 'FR']");

    assertThat(
            when.evaluate(
                values(
                    Map.of(
                        Reference.stepOutput("intake", "errors"), JSON.readTree("[]"),
                        Reference.stepOutput("intake", "valid"), BooleanNode.TRUE,
                        Reference.stepOutput("intake", "report"), JSON.readTree("{\"rows\": 3}"),
                        Reference.param("country"), TextNode.valueOf("DE")))))
        .isTrue();
  }

  @Test
  void aConditionThatDoesNotCompileIsRefusedNamingTheReference() {
    assertThatThrownBy(() -> WhenCondition.compile("${params.level} ==== 'x'"))
        .isInstanceOf(WhenCondition.InvalidConditionException.class)
        .hasMessageStartingWith("does not compile as CEL");
    assertThatThrownBy(() -> WhenCondition.compile("'just a string'"))
        .isInstanceOf(WhenCondition.InvalidConditionException.class)
        .hasMessage("has type string, not bool");
    assertThatThrownBy(() -> WhenCondition.compile("unknownVariable == 1"))
        .isInstanceOf(WhenCondition.InvalidConditionException.class)
        .hasMessageContaining("unknownVariable");
  }

  @Test
  void aReferenceInsideQuotesIsMalformed() {
    assertThatThrownBy(() -> WhenCondition.compile("'${params.level}' == 'high'"))
        .isInstanceOf(ReferenceText.MalformedReferenceException.class)
        .hasMessageContaining("${params.level} is inside quotes");
  }

  @Test
  void anEvaluationErrorOrANonBoolResultIsReported() {
    WhenCondition when = WhenCondition.compile("${params.level} > 3");
    assertThatThrownBy(
            () -> when.evaluate(values(Map.of(Reference.param("level"), TextNode.valueOf("high")))))
        .isInstanceOf(WhenCondition.InvalidConditionException.class)
        .hasMessageContaining("failed");

    WhenCondition dynamic = WhenCondition.compile("${params.level}");
    assertThatThrownBy(
            () -> dynamic.evaluate(values(Map.of(Reference.param("level"), TextNode.valueOf("x")))))
        .isInstanceOf(WhenCondition.InvalidConditionException.class)
        .hasMessageContaining("not a bool");
  }
}
