package io.greenlang.runtime.calculation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.units.DecimalArithmetic;
import io.greenlang.runtime.units.RoundingRule;
import java.math.BigDecimal;

/**
 * Writes a result's outputs twice: exact (every digit the calculation produced) and presented
 * (rounded by a {@link RoundingRule}), recording for each presented value the rule used. Nested
 * objects share the rules, keyed by the dotted path of the value.
 */
public final class OutputWriter {

  private final ObjectNode exact;
  private final ObjectNode presented;
  private final ObjectNode rules;
  private final String prefix;

  public OutputWriter() {
    this(
        JsonNodeFactory.instance.objectNode(),
        JsonNodeFactory.instance.objectNode(),
        JsonNodeFactory.instance.objectNode(),
        "");
  }

  private OutputWriter(ObjectNode exact, ObjectNode presented, ObjectNode rules, String prefix) {
    this.exact = exact;
    this.presented = presented;
    this.rules = rules;
    this.prefix = prefix;
  }

  /** A decimal output, presented by {@code rule}. */
  public OutputWriter put(String name, BigDecimal value, RoundingRule rule) {
    exact.put(name, DecimalArithmetic.plain(value));
    presented.put(name, rule.apply(value));
    rules.put(prefix + name, rule.describe());
    return this;
  }

  /** A text output (a risk level, a method): the same exact and presented. */
  public OutputWriter put(String name, String value) {
    exact.put(name, value);
    presented.put(name, value);
    return this;
  }

  /** A whole-number output (a count). */
  public OutputWriter put(String name, long value) {
    exact.put(name, value);
    presented.put(name, value);
    return this;
  }

  /** A nested object of outputs. */
  public OutputWriter object(String name) {
    return new OutputWriter(
        exact.putObject(name), presented.putObject(name), rules, prefix + name + ".");
  }

  /** The exact outputs. */
  public ObjectNode outputs() {
    return exact;
  }

  /** {@code {"values": presented outputs, "rules": {path: rule}}}. */
  public ObjectNode presentation() {
    ObjectNode presentation = JsonNodeFactory.instance.objectNode();
    presentation.set("values", presented);
    presentation.set("rules", rules);
    return presentation;
  }
}
