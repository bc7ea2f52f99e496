package io.greenlang.runtime.worker.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.runtime.worker.CanonicalJson;
import io.greenlang.runtime.worker.StepFailure;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A task's inputs read by type, each failure a {@code StepFailure} with reason {@code InvalidInput}
 * naming the input ({@code year}, {@code lines[2].netMassTonnes}). Inputs arrive as the operator
 * resolved them (JSON values): numbers may be JSON numbers or decimal strings, a list or object may
 * also come as its JSON text (a value that mixed text and a reference, or a ConfigMap holding
 * JSON).
 */
public final class ToolInputs {

  private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  private final Map<String, Object> values;
  private final String prefix;

  private ToolInputs(Map<String, Object> values, String prefix) {
    this.values = values;
    this.prefix = prefix;
  }

  /** The task's top-level inputs; JSON trees among them are read as the bus delivers them. */
  public static ToolInputs of(Map<String, Object> inputs) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (inputs != null) {
      inputs.forEach(
          (name, value) ->
              values.put(
                  name,
                  value instanceof JsonNode node
                      ? CanonicalJson.MAPPER.convertValue(node, Object.class)
                      : value));
    }
    return new ToolInputs(values, "");
  }

  /** The name of input {@code name} as errors give it, such as {@code lines[2].cnCode}. */
  public String path(String name) {
    return prefix + name;
  }

  public boolean has(String name) {
    Object value = values.get(name);
    return value != null && !(value instanceof String text && text.isBlank());
  }

  /** Refuses inputs other than {@code known}, so a misspelt input does not pass unnoticed. */
  public ToolInputs rejectUnknown(Set<String> known) {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      String first = unknown.iterator().next();
      throw StepFailure.invalidInput(
          path(first), "is not an input of this tool; its inputs are " + new TreeSet<>(known));
    }
    return this;
  }

  /** A required text; numbers and booleans are taken as their text. */
  public String text(String name) {
    return optionalText(name).orElseThrow(() -> invalid(name, "is required"));
  }

  public Optional<String> optionalText(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String text) {
      return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }
    if (value instanceof BigDecimal decimal) {
      return Optional.of(decimal.toPlainString());
    }
    if (value instanceof Number || value instanceof Boolean) {
      return Optional.of(value.toString());
    }
    throw invalid(name, "must be text, not " + kind(value));
  }

  /** A required text matching {@code pattern}. */
  public String text(String name, Pattern pattern, String expectation) {
    String text = text(name);
    if (!pattern.matcher(text).matches()) {
      throw invalid(name, "\"" + text + "\" is not " + expectation);
    }
    return text;
  }

  /** A required decimal: a JSON number, or a string such as {@code "1200.500"}. */
  public BigDecimal decimal(String name) {
    return optionalDecimal(name).orElseThrow(() -> invalid(name, "is required: a decimal number"));
  }

  public Optional<BigDecimal> optionalDecimal(String name) {
    Object value = values.get(name);
    if (value == null || value instanceof String text && text.isBlank()) {
      return Optional.empty();
    }
    if (value instanceof BigDecimal decimal) {
      return Optional.of(decimal);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return Optional.of(new BigDecimal(value.toString()));
    }
    if (value instanceof Number number) {
      // A binary floating-point number is taken by its shortest decimal text, never its bits.
      return Optional.of(new BigDecimal(number.toString()));
    }
    if (value instanceof String text && DECIMAL.matcher(text.strip()).matches()) {
      return Optional.of(new BigDecimal(text.strip()));
    }
    String hint = value instanceof String text && text.contains(",") ? " (use '.')" : "";
    throw invalid(name, "\"" + value + "\" is not a decimal number" + hint);
  }

  /** A required decimal greater than zero. */
  public BigDecimal positiveDecimal(String name) {
    BigDecimal value = decimal(name);
    if (value.signum() <= 0) {
      throw invalid(name, "must be greater than zero, was " + value.toPlainString());
    }
    return value;
  }

  /** An optional decimal of zero or more. */
  public Optional<BigDecimal> optionalNonNegativeDecimal(String name) {
    Optional<BigDecimal> value = optionalDecimal(name);
    if (value.isPresent() && value.get().signum() < 0) {
      throw invalid(name, "must not be negative, was " + value.get().toPlainString());
    }
    return value;
  }

  /** A required whole number between {@code min} and {@code max}, as a number or text. */
  public int integer(String name, int min, int max) {
    BigDecimal value = decimal(name);
    int whole;
    try {
      whole = value.intValueExact();
    } catch (ArithmeticException e) {
      throw invalid(name, "must be a whole number, was " + value.toPlainString());
    }
    if (whole < min || whole > max) {
      throw invalid(name, "must be between " + min + " and " + max + ", was " + whole);
    }
    return whole;
  }

  /** An optional ISO date, {@code YYYY-MM-DD}. */
  public Optional<LocalDate> optionalDate(String name) {
    Optional<String> text = optionalText(name);
    try {
      return text.map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      throw invalid(name, "\"" + text.get() + "\" is not a date in the form YYYY-MM-DD");
    }
  }

  /** A required list: a JSON list, or the JSON text of one. */
  public List<Object> list(String name) {
    Object value = structured(name);
    if (!(value instanceof List<?> list)) {
      throw invalid(name, "must be a list, not " + kind(value));
    }
    if (list.isEmpty()) {
      throw invalid(name, "is empty; at least one element is required");
    }
    return new ArrayList<>(list);
  }

  /** A required list of objects, each read as inputs named {@code name[i].field}. */
  public List<ToolInputs> objects(String name) {
    List<Object> list = list(name);
    List<ToolInputs> elements = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String element = path(name) + "[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        throw StepFailure.invalidInput(element, "must be an object, not " + kind(list.get(i)));
      }
      elements.add(new ToolInputs(stringKeys(map), element + "."));
    }
    return elements;
  }

  /** A required object: a JSON object, or the JSON text of one. */
  public Map<String, Object> object(String name) {
    Object value = structured(name);
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid(name, "must be an object, not " + kind(value));
    }
    return stringKeys(map);
  }

  /** A required object read as inputs named {@code name.field}. */
  public ToolInputs nested(String name) {
    return new ToolInputs(object(name), path(name) + ".");
  }

  /** A required value of any JSON type; text that is JSON stays text. */
  public JsonNode json(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw invalid(name, "is required");
    }
    return CanonicalJson.tree(value);
  }

  /** A StepFailure naming input {@code name}. */
  public StepFailure invalid(String name, String problem) {
    return StepFailure.invalidInput(path(name), problem);
  }

  private Object structured(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw invalid(name, "is required");
    }
    if (value instanceof String text) {
      String json = text.strip();
      if (!json.startsWith("[") && !json.startsWith("{")) {
        throw invalid(name, "must be a list or object (or its JSON text), not text");
      }
      try {
        return CanonicalJson.MAPPER.readValue(json, Object.class);
      } catch (JsonProcessingException e) {
        throw invalid(name, "is not readable JSON: " + e.getOriginalMessage());
      }
    }
    return value;
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), value));
    return copy;
  }

  private static String kind(Object value) {
    if (value instanceof List<?>) {
      return "a list";
    }
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    if (value instanceof String) {
      return "text";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return value.getClass().getSimpleName();
  }
}
