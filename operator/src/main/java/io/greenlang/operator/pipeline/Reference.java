package io.greenlang.operator.pipeline;

/**
 * One {@code ${...}} reference in a step input or {@code when} condition: {@code ${params.NAME}},
 * {@code ${inputs.NAME}} or {@code ${steps.STEP.outputs.KEY}}.
 *
 * @param kind what is referenced
 * @param name the parameter, input data or step name
 * @param key the output key, for step outputs only
 */
public record Reference(Kind kind, String name, String key) {

  /** What a reference points at. */
  public enum Kind {
    PARAM,
    INPUT,
    STEP_OUTPUT
  }

  public static Reference param(String name) {
    return new Reference(Kind.PARAM, name, null);
  }

  public static Reference input(String name) {
    return new Reference(Kind.INPUT, name, null);
  }

  public static Reference stepOutput(String step, String key) {
    return new Reference(Kind.STEP_OUTPUT, step, key);
  }

  /** The reference as written, such as {@code ${steps.intake.outputs.lines}}. */
  public String text() {
    return switch (kind) {
      case PARAM -> "${params." + name + "}";
      case INPUT -> "${inputs." + name + "}";
      case STEP_OUTPUT -> "${steps." + name + ".outputs." + key + "}";
    };
  }

  @Override
  public String toString() {
    return text();
  }
}
