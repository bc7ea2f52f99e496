package io.greenlang.runtime.calculation;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.runtime.catalog.TableRef;
import io.greenlang.runtime.units.Dimension;
import io.greenlang.runtime.units.Quantity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one JSON object of calculation input into typed values, failing with an {@link
 * InvalidInputException} that names the field by its path. Decimals may be JSON strings or JSON
 * numbers (parsed exactly, never through binary floating point). Fields nobody asked for are
 * refused by {@link #rejectUnknownFields()}, so a misspelt field never goes unnoticed.
 */
public final class InputReader {

  private final JsonNode node;
  private final String path;
  private final Set<String> read = new HashSet<>();

  private InputReader(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /**
   * A reader of the whole input.
   *
   * @throws InvalidInputException when {@code input} is not a JSON object
   */
  public static InputReader root(JsonNode input) {
    if (input == null || !input.isObject()) {
      throw new InvalidInputException("input", "must be a JSON object");
    }
    return new InputReader(input, "");
  }

  /** The path of {@code field} in this object, e.g. {@code instruments[0].electricity}. */
  public String path(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** The path of this object itself; {@code input} for the root. */
  public String path() {
    return path.isEmpty() ? "input" : path;
  }

  public boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  /** The field's value (null when absent or JSON null), marking it read. */
  JsonNode value(String field) {
    read.add(field);
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  private JsonNode required(String field) {
    JsonNode value = value(field);
    if (value == null) {
      throw new InvalidInputException(path(field), "required");
    }
    return value;
  }

  /** A required non-blank string. */
  public String text(String field) {
    return optionalText(field)
        .orElseThrow(() -> new InvalidInputException(path(field), "required"));
  }

  /** A required string matching {@code pattern}; {@code expectation} says what is expected. */
  public String text(String field, Pattern pattern, String expectation) {
    String value = text(field);
    if (!pattern.matcher(value).matches()) {
      throw new InvalidInputException(path(field), "\"" + value + "\" is not " + expectation);
    }
    return value;
  }

  public Optional<String> optionalText(String field) {
    JsonNode value = value(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isValueNode() || value.isBoolean()) {
      throw new InvalidInputException(path(field), "must be a string");
    }
    String text = value.asText().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** A required decimal. */
  public BigDecimal decimal(String field) {
    return optionalDecimal(field)
        .orElseThrow(() -> new InvalidInputException(path(field), "required"));
  }

  /** A required decimal that is not negative. */
  public BigDecimal nonNegativeDecimal(String field) {
    BigDecimal value = decimal(field);
    if (value.signum() < 0) {
      throw new InvalidInputException(path(field), "must not be negative, got " + value);
    }
    return value;
  }

  public Optional<BigDecimal> optionalDecimal(String field) {
    JsonNode value = value(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isNumber()) {
      if (value.isFloatingPointNumber() && !value.isBigDecimal()) {
        throw new InvalidInputException(path(field), "must be exact: send decimals as strings");
      }
      return Optional.of(value.decimalValue());
    }
    if (!value.isTextual()) {
      throw new InvalidInputException(path(field), "must be a decimal number");
    }
    String text = value.textValue().strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(text));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(path(field), "not a decimal number: \"" + text + "\"");
    }
  }

  /** A required integer between {@code min} and {@code max}. */
  public int integer(String field, int min, int max) {
    BigDecimal value = decimal(field);
    int result;
    try {
      result = value.intValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidInputException(path(field), "must be a whole number, got " + value);
    }
    if (result < min || result > max) {
      throw new InvalidInputException(
          path(field), "must be between " + min + " and " + max + ", got " + result);
    }
    return result;
  }

  public Optional<LocalDate> optionalDate(String field) {
    return optionalText(field)
        .map(
            text -> {
              try {
                return LocalDate.parse(text);
              } catch (DateTimeParseException e) {
                throw new InvalidInputException(
                    path(field), "not an ISO date (YYYY-MM-DD): \"" + text + "\"");
              }
            });
  }

  public boolean bool(String field, boolean defaultValue) {
    JsonNode value = value(field);
    if (value == null) {
      return defaultValue;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    String text = value.asText().strip().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      case "" -> defaultValue;
      default -> throw new InvalidInputException(path(field), "must be true or false");
    };
  }

  /** One of {@code type}'s constants, written in lower case ({@code default} for DEFAULT). */
  public <E extends Enum<E>> E choice(String field, Class<E> type, E defaultValue) {
    Optional<String> text = optionalText(field);
    if (text.isEmpty()) {
      if (defaultValue == null) {
        throw new InvalidInputException(path(field), "required; one of " + choices(type));
      }
      return defaultValue;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(text.get().replace('-', '_'))) {
        return constant;
      }
    }
    throw new InvalidInputException(
        path(field), "\"" + text.get() + "\" is not one of " + choices(type));
  }

  /** The names {@link #choice} accepts for {@code type}, for messages and docs. */
  public static <E extends Enum<E>> String choices(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(c -> c.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  /** A required nested object. */
  public InputReader object(String field) {
    JsonNode value = required(field);
    if (!value.isObject()) {
      throw new InvalidInputException(path(field), "must be an object");
    }
    return new InputReader(value, path(field));
  }

  public Optional<InputReader> optionalObject(String field) {
    return has(field) ? Optional.of(object(field)) : Optional.empty();
  }

  /** A list of objects; absent is an empty list. */
  public List<InputReader> list(String field) {
    JsonNode value = value(field);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray() && !value.isObject()) {
      throw new InvalidInputException(path(field), "must be a list");
    }
    List<InputReader> items = new ArrayList<>();
    int index = 0;
    // An object with keys 0, 1, ... is what a CSV header like lines.0.x produces.
    for (JsonNode item : value.isArray() ? value : List.copyOf(indexed(value, path(field)))) {
      String itemPath = path(field) + "[" + index++ + "]";
      if (!item.isObject()) {
        throw new InvalidInputException(itemPath, "must be an object");
      }
      items.add(new InputReader(item, itemPath));
    }
    return items;
  }

  private static List<JsonNode> indexed(JsonNode object, String path) {
    List<JsonNode> items = new ArrayList<>();
    for (int i = 0; i < object.size(); i++) {
      JsonNode item = object.get(Integer.toString(i));
      if (item == null) {
        throw new InvalidInputException(path, "list indexes must run 0, 1, 2, ... without gaps");
      }
      items.add(item);
    }
    return items;
  }

  /**
   * A required quantity {@code {"value": "...", "unit": "..."}} of one of the {@code allowed}
   * dimensions (not a ratio).
   */
  public Quantity quantity(String field, Dimension... allowed) {
    return UnitAndFactorFields.quantity(this, field, allowed);
  }

  /**
   * A required rate {@code {"value", "unit"}} with a unit such as {@code t/t} or {@code kg/kWh}.
   */
  public Quantity rate(String field, Dimension numerator, Dimension denominator) {
    return UnitAndFactorFields.rate(this, field, numerator, denominator);
  }

  /**
   * A factor table: a table id string, or {@code {"id": "...", "version": n}}; {@code defaultId}
   * when absent (required when that is null).
   */
  public TableRef table(String field, String defaultId) {
    return UnitAndFactorFields.table(this, field, defaultId);
  }

  /**
   * A factor given inline ({@code {"value", "unit", "source"}}, e.g. from a contract) or from the
   * catalog ({@code {"table": ..., "subject": ...}}, optionally {@code "version"}).
   */
  public FactorChoice factor(String field) {
    return UnitAndFactorFields.factor(this, field, true);
  }

  /**
   * A factor from the catalog only: {@code {"table": ..., "subject": ...}}. Benchmarks, default
   * values, prices and grid factors are data with a citation, never typed into a request.
   */
  public FactorChoice catalogFactor(String field) {
    return UnitAndFactorFields.factor(this, field, false);
  }

  /**
   * Accepts {@code field} without using it: a value that applies to some inputs of a batch only
   * (e.g. a default-value table on a line with actual values). It is not recorded in provenance.
   */
  public void ignore(String field) {
    read.add(field);
  }

  /**
   * Refuses fields of this object that were not read.
   *
   * @throws InvalidInputException naming the first unknown field
   */
  public void rejectUnknownFields() {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!read.contains(field.getKey()) && !field.getValue().isNull()) {
        throw new InvalidInputException(
            path(field.getKey()),
            "unknown field; this object has "
                + (read.isEmpty()
                    ? "no fields"
                    : String.join(", ", read.stream().sorted().toList())));
      }
    }
  }
}
