package io.greenlang.crds.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the CEL rules of a schema that the API server would refuse when the CRD is applied, or that
 * could never run: rules that do not compile or do not return a bool, unknown {@code reason}s,
 * {@code fieldPath}s naming no declared field, and transition rules below a list whose items cannot
 * be correlated.
 */
final class CelRuleDeclarationCheck {

  private static final Set<String> REASONS =
      Set.of(
          "FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired", "FieldValueDuplicate");

  private final String version;
  private final CelRuleEvaluator evaluator;
  private final List<String> problems = new ArrayList<>();

  private CelRuleDeclarationCheck(String version, CelRuleEvaluator evaluator) {
    this.version = version;
    this.evaluator = evaluator;
  }

  /** One line per problem, naming the version, the schema path and the rule. */
  static List<String> problems(String version, SchemaNode root, CelRuleEvaluator evaluator) {
    CelRuleDeclarationCheck check = new CelRuleDeclarationCheck(version, evaluator);
    check.visit(root, "", true);
    return check.problems;
  }

  /**
   * @param correlatable whether old and new values can be matched here: not below a list, or only
   *     below {@code x-kubernetes-list-type: map} lists
   */
  private void visit(SchemaNode node, String path, boolean correlatable) {
    node.celRules()
        .forEach(rule -> check(new DeclaredCelRule(version, path, rule), node, correlatable));
    new TreeMap<>(node.properties())
        .forEach(
            (name, child) -> visit(child, path.isEmpty() ? name : path + "." + name, correlatable));
    node.items()
        .ifPresent(
            items -> visit(items, path + "[]", correlatable && node.listType().equals("map")));
    node.additionalProperties().ifPresent(values -> visit(values, path + "{}", correlatable));
  }

  private void check(DeclaredCelRule declared, SchemaNode node, boolean correlatable) {
    CelRule rule = declared.rule();
    evaluator.problemOf(rule).ifPresent(problem -> problems.add(declared + ": " + problem));
    if (!rule.reason().isEmpty() && !REASONS.contains(rule.reason())) {
      problems.add(
          declared
              + ": reason "
              + rule.reason()
              + " is not one of "
              + REASONS.stream().sorted().toList());
    }
    if (!rule.fieldPath().isEmpty() && !RuleFieldPath.resolves(node, rule.fieldPath())) {
      problems.add(declared + ": fieldPath " + rule.fieldPath() + " names no declared field");
    }
    if (rule.isTransitionRule() && !correlatable) {
      problems.add(
          declared + ": uses oldSelf below a list that is not x-kubernetes-list-type: map");
    }
  }
}
