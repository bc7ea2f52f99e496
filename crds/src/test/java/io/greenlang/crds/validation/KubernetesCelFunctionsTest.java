package io.greenlang.crds.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CEL functions and macros a Kubernetes validation rule may use are all available. */
class KubernetesCelFunctionsTest {

  private final CelRuleEvaluator evaluator = new CelRuleEvaluator();
  private final Map<String, Object> self =
      Map.of(
          "numbers", List.of(1L, 2L, 3L),
          "weights", List.of(0.5, 0.25),
          "names", List.of("a", "b", "a"),
          "text", "tenant-42-eu-7");

  @ParameterizedTest
  @ValueSource(
      strings = {
        // standard macros and functions
        "has(self.text) && !has(self.missing)",
        "self.numbers.all(n, n > 0) && self.numbers.exists(n, n == 2)",
        "self.numbers.exists_one(n, n == 3)",
        "self.numbers.map(n, n * 2).filter(n, n > 2) == [4, 6]",
        "size(self.names) == 3 && 'b' in self.names",
        "self.text.matches('^tenant-[0-9]+') && self.text.startsWith('tenant') && self.text.endsWith('7')",
        // extension libraries shared with the API server
        "self.text.split('-').size() == 4 && self.text.upperAscii().contains('EU')",
        "sets.contains(self.names, ['b']) && math.greatest(self.numbers) == 3",
        "self.?missing.orValue('none') == 'none'",
        "cel.bind(n, self.numbers.size(), n == 3)",
        // the API server's own list and regex functions
        "self.numbers.isSorted() && !self.names.isSorted()",
        "self.numbers.sum() == 6 && self.weights.sum() == 0.75",
        "self.numbers.min() == 1 && self.numbers.max() == 3 && self.names.max() == 'b'",
        "self.names.indexOf('a') == 0 && self.names.lastIndexOf('a') == 2 && self.names.indexOf('z') == -1",
        "self.text.find('[0-9]+') == '42' && self.text.findAll('[0-9]+') == ['42', '7']",
        "self.text.findAll('[0-9]+', 1) == ['42'] && self.text.find('x') == ''",
        // int and double compare across types, as in the API server
        "self.weights[0] < 1 && 2 > self.weights[1]"
      })
  void ruleHolds(String rule) {
    assertThat(evaluate(rule)).isEmpty();
  }

  @Test
  void failingRuleUsesMessageOrTheDefaultOne() {
    assertThat(evaluate("self.numbers.size() > 5"))
        .extracting(Violation::message)
        .containsExactly("spec.x: Invalid value: \"object\": failed rule: self.numbers.size() > 5");
  }

  @Test
  void minOfAnEmptyListIsABrokenRule() {
    assertThat(evaluate("self.numbers.filter(n, n > 9).min() == 0"))
        .extracting(Violation::type)
        .containsExactly(ViolationType.BROKEN_RULE);
  }

  @Test
  void brokenMessageExpressionIsReportedBesideTheFailure() {
    CelRule rule = new CelRule("false", "fallback", "self.nope", "", "", false);

    List<Violation> violations =
        evaluator.evaluate(
            rule,
            FieldPath.root().child("spec"),
            SchemaNode.empty(),
            "object",
            Map.of("self", self));

    assertThat(violations)
        .extracting(Violation::message)
        .satisfiesExactly(
            failure -> assertThat(failure).isEqualTo("spec: Invalid value: \"object\": fallback"),
            broken ->
                assertThat(broken)
                    .startsWith("spec: Internal error: messageExpression `self.nope` failed"));
  }

  private List<Violation> evaluate(String rule) {
    CelRule celRule = new CelRule(rule, "", "", "", "", false);
    return evaluator.evaluate(
        celRule,
        FieldPath.root().child("spec").child("x"),
        SchemaNode.empty(),
        "object",
        Map.of("self", self));
  }
}
