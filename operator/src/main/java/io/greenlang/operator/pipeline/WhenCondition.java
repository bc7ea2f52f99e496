package io.greenlang.operator.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A step's {@code when} condition: a CEL expression over {@code ${...}} references (C2). Each
 * reference stands for its value with its JSON type (a string, a number, a boolean, a list or a
 * map), bound as a CEL variable, which is what replacing it by a CEL literal of the value means
 * without re-parsing the text. Numbers compare across int and double; decimals become CEL doubles,
 * which is precise enough for a condition and never feeds a calculation.
 */
public final class WhenCondition {
  private static final String VARIABLE = "gl_ref_";
  private static final CelOptions OPTIONS =
      CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

  private final String expression;
  private final Map<Reference, String> variables;
  private final CelRuntime.Program program;

  private WhenCondition(
      String expression, Map<Reference, String> variables, CelRuntime.Program program) {
    this.expression = expression;
    this.variables = variables;
    this.program = program;
  }

  /**
   * Compiles {@code expression}; throws {@link ReferenceText.MalformedReferenceException} for a bad
   * reference and {@link InvalidConditionException} for CEL that does not compile to a bool.
   */
  public static WhenCondition compile(String expression) {
    ReferenceText text = ReferenceText.parse(expression);
    Map<Reference, String> variables = new LinkedHashMap<>();
    StringBuilder cel = new StringBuilder();
    for (Object part : text.parts()) {
      if (part instanceof Reference reference) {
        requireUnquoted(cel, reference);
        cel.append(variables.computeIfAbsent(reference, r -> VARIABLE + variables.size()));
      } else {
        cel.append((String) part);
      }
    }
    var builder =
        CelFactory.standardCelBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(CelExtensions.strings())
            .addRuntimeLibraries(CelExtensions.strings());
    variables.values().forEach(name -> builder.addVar(name, SimpleType.DYN));
    Cel environment = builder.build();
    CelValidationResult result = environment.compile(cel.toString());
    if (result.hasError()) {
      String first = result.getErrorString().lines().findFirst().orElse("");
      throw new InvalidConditionException(
          "does not compile as CEL: "
              + unmask(first.replaceFirst("^ERROR: <input>:", ""), variables));
    }
    try {
      CelAbstractSyntaxTree ast = result.getAst();
      CelKind kind = ast.getResultType().kind();
      if (kind != CelKind.BOOL && kind != CelKind.DYN) {
        throw new InvalidConditionException(
            "has type " + ast.getResultType().name() + ", not bool");
      }
      return new WhenCondition(expression, variables, environment.createProgram(ast));
    } catch (CelValidationException | CelEvaluationException e) {
      throw new InvalidConditionException("cannot be prepared: " + e.getMessage());
    }
  }

  /** The references the condition reads. */
  public List<Reference> references() {
    return List.copyOf(variables.keySet());
  }

  /**
   * Evaluates the condition with each reference's value; throws {@link InvalidConditionException}
   * when it fails or does not yield a bool.
   */
  public boolean evaluate(Function<Reference, JsonNode> values) {
    Map<String, Object> bound = new LinkedHashMap<>();
    variables.forEach((reference, name) -> bound.put(name, CelValues.of(values.apply(reference))));
    Object result;
    try {
      result = program.eval(bound);
    } catch (CelEvaluationException e) {
      throw new InvalidConditionException(
          "`" + expression + "` failed: " + unmask(e.getMessage(), variables));
    }
    if (result instanceof Boolean passed) {
      return passed;
    }
    throw new InvalidConditionException("`" + expression + "` gave " + result + ", not a bool");
  }

  public String expression() {
    return expression;
  }

  /** A reference written inside quotes would be a literal string, never its value. */
  private static void requireUnquoted(StringBuilder before, Reference reference) {
    if (!before.isEmpty()) {
      char previous = before.charAt(before.length() - 1);
      if (previous == '\'' || previous == '"') {
        throw new ReferenceText.MalformedReferenceException(
            reference.text()
                + " is inside quotes: write it bare, it stands for its value with its type");
      }
    }
  }

  private static String unmask(String message, Map<Reference, String> variables) {
    String text = message == null ? "" : message;
    for (Map.Entry<Reference, String> variable : variables.entrySet()) {
      text = text.replace(variable.getValue(), variable.getKey().text());
    }
    return text.strip();
  }

  /** A condition that does not compile, does not give a bool, or fails when evaluated. */
  public static class InvalidConditionException extends IllegalArgumentException {
    public InvalidConditionException(String message) {
      super(message);
    }
  }
}
