package io.greenlang.operator.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text split into literal parts and {@code ${...}} references. A {@code ${} without its closing
 * brace, or a reference that is none of {@code params.NAME}, {@code inputs.NAME} and {@code
 * steps.STEP.outputs.KEY}, is malformed.
 */
public final class ReferenceText {
  private static final Pattern PARAM = Pattern.compile("params\\.([a-zA-Z][a-zA-Z0-9_]*)");
  private static final Pattern INPUT = Pattern.compile("inputs\\.([a-zA-Z][a-zA-Z0-9_]*)");
  private static final Pattern STEP_OUTPUT =
      Pattern.compile(
          "steps\\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.outputs\\.([A-Za-z0-9_][A-Za-z0-9_-]*)");

  private final List<Object> parts;

  private ReferenceText(List<Object> parts) {
    this.parts = parts;
  }

  /** Parses {@code text}; throws {@link MalformedReferenceException} naming the bad reference. */
  public static ReferenceText parse(String text) {
    List<Object> parts = new ArrayList<>();
    int position = 0;
    while (position < text.length()) {
      int start = text.indexOf("${", position);
      if (start < 0) {
        parts.add(text.substring(position));
        break;
      }
      if (start > position) {
        parts.add(text.substring(position, start));
      }
      int end = text.indexOf('}', start);
      if (end < 0) {
        throw new MalformedReferenceException(
            "\"" + text.substring(start) + "\" has no closing brace");
      }
      parts.add(reference(text.substring(start + 2, end)));
      position = end + 1;
    }
    return new ReferenceText(parts);
  }

  private static Reference reference(String body) {
    Matcher m;
    if ((m = PARAM.matcher(body)).matches()) {
      return Reference.param(m.group(1));
    }
    if ((m = INPUT.matcher(body)).matches()) {
      return Reference.input(m.group(1));
    }
    if ((m = STEP_OUTPUT.matcher(body)).matches()) {
      return Reference.stepOutput(m.group(1), m.group(3));
    }
    throw new MalformedReferenceException(
        "\"${"
            + body
            + "}\" is not a reference: use ${params.NAME}, ${inputs.NAME} or"
            + " ${steps.STEP.outputs.KEY}");
  }

  /** The references, in order of appearance. */
  public List<Reference> references() {
    return parts.stream().filter(Reference.class::isInstance).map(Reference.class::cast).toList();
  }

  /** The single reference the whole text consists of, or null. */
  public Reference soleReference() {
    return parts.size() == 1 && parts.get(0) instanceof Reference r ? r : null;
  }

  /** Literal strings and {@link Reference}s, in order. */
  public List<Object> parts() {
    return parts;
  }

  /** A reference that cannot be parsed. */
  public static class MalformedReferenceException extends IllegalArgumentException {
    public MalformedReferenceException(String message) {
      super(message);
    }
  }
}
