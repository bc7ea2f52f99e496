package io.greenlang.crds.validation;

import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles CEL validation rules once and evaluates them, turning a false result into the violation
 * the API server would report and a rule that cannot run into a {@link ViolationType#BROKEN_RULE}
 * violation.
 */
final class CelRuleEvaluator {

  private static final Cel PLAIN_ENVIRONMENT = KubernetesCelEnvironment.create(false);
  private static final Cel OPTIONAL_OLD_SELF_ENVIRONMENT = KubernetesCelEnvironment.create(true);

  private final Map<String, CompiledExpression> compiled = new ConcurrentHashMap<>();

  /** A compiled program, or why there is none. */
  private record CompiledExpression(CelRuntime.Program program, String problem) {}

  /**
   * Why the rule (or its message expression) cannot run; empty when it compiles to the right type.
   */
  Optional<String> problemOf(CelRule rule) {
    String problem = compile(rule, rule.rule(), CelKind.BOOL).problem();
    if (problem == null && !rule.messageExpression().isEmpty()) {
      problem = compile(rule, rule.messageExpression(), CelKind.STRING).problem();
    }
    return Optional.ofNullable(problem);
  }

  /**
   * Evaluates {@code rule} declared on the schema node at {@code path}.
   *
   * @param typeName the node's type as the API server names it in {@code Invalid value: "object"}
   * @param variables {@code self}, and {@code oldSelf} for transition rules
   */
  List<Violation> evaluate(
      CelRule rule,
      FieldPath path,
      SchemaNode schema,
      String typeName,
      Map<String, Object> variables) {
    CompiledExpression expression = compile(rule, rule.rule(), CelKind.BOOL);
    if (expression.problem() != null) {
      return List.of(
          Violation.brokenRule(path, "rule `" + rule.rule() + "` " + expression.problem()));
    }
    Object result;
    try {
      result = expression.program().eval(variables);
    } catch (CelEvaluationException e) {
      return List.of(
          Violation.brokenRule(path, "rule `" + rule.rule() + "` failed: " + e.getMessage()));
    }
    if (!(result instanceof Boolean passed)) {
      return List.of(
          Violation.brokenRule(
              path, "rule `" + rule.rule() + "` returned " + result + ", not a bool"));
    }
    if (passed) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>();
    String message = failureMessage(rule, path, variables, violations);
    FieldPath reported =
        rule.fieldPath().isEmpty() ? path : RuleFieldPath.resolve(path, schema, rule.fieldPath());
    violations.add(0, failure(rule.reason(), reported, typeName, message));
    return violations;
  }

  private String failureMessage(
      CelRule rule, FieldPath path, Map<String, Object> variables, List<Violation> problems) {
    if (rule.messageExpression().isEmpty()) {
      return rule.messageOrDefault();
    }
    CompiledExpression expression = compile(rule, rule.messageExpression(), CelKind.STRING);
    String problem = expression.problem();
    if (problem == null) {
      try {
        Object message = expression.program().eval(variables);
        if (message instanceof String text && !text.isBlank()) {
          return text;
        }
        problem = "returned " + message + ", not a non-empty string";
      } catch (CelEvaluationException e) {
        problem = "failed: " + e.getMessage();
      }
    }
    problems.add(
        Violation.brokenRule(
            path, "messageExpression `" + rule.messageExpression() + "` " + problem));
    return rule.messageOrDefault();
  }

  private static Violation failure(String reason, FieldPath path, String typeName, String message) {
    return switch (reason) {
      case "FieldValueRequired" -> Violation.required(path, message);
      case "FieldValueForbidden" -> Violation.forbidden(path, message);
      case "FieldValueDuplicate" -> Violation.duplicate(path, message);
      default -> Violation.invalid(path, "\"" + typeName + "\"", message);
    };
  }

  /**
   * Compiles one expression of {@code rule} in the environment its {@code optionalOldSelf} asks
   * for.
   */
  private CompiledExpression compile(CelRule rule, String source, CelKind expectedKind) {
    Cel environment = rule.optionalOldSelf() ? OPTIONAL_OLD_SELF_ENVIRONMENT : PLAIN_ENVIRONMENT;
    return compiled.computeIfAbsent(
        rule.optionalOldSelf() + ":" + expectedKind + ":" + source,
        key -> compileUncached(environment, source, expectedKind));
  }

  private static CompiledExpression compileUncached(
      Cel environment, String source, CelKind expectedKind) {
    CelValidationResult result = environment.compile(source);
    if (result.hasError()) {
      String firstLine = result.getErrorString().lines().findFirst().orElse("");
      return new CompiledExpression(
          null, "does not compile: " + firstLine.replaceFirst("^ERROR: ", ""));
    }
    try {
      CelAbstractSyntaxTree ast = result.getAst();
      CelKind kind = ast.getResultType().kind();
      if (kind != expectedKind && kind != CelKind.DYN) {
        return new CompiledExpression(
            null,
            "has type "
                + ast.getResultType().name()
                + ", expected "
                + expectedKind.name().toLowerCase(Locale.ROOT));
      }
      return new CompiledExpression(environment.createProgram(ast), null);
    } catch (CelValidationException | CelEvaluationException e) {
      return new CompiledExpression(null, "cannot be prepared: " + e.getMessage());
    }
  }
}
