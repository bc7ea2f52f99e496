package io.greenlang.runtime.calculation;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.runtime.catalog.TableRef;
import io.greenlang.runtime.units.Dimension;
import io.greenlang.runtime.units.IncompatibleUnitsException;
import io.greenlang.runtime.units.Quantity;
import io.greenlang.runtime.units.Unit;
import io.greenlang.runtime.units.UnknownUnitException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How {@link InputReader} reads the values calculations have beyond plain JSON: quantities with
 * units, rates, factor tables and factor choices, each failure naming the field.
 */
final class UnitAndFactorFields {

  private static final Pattern TABLE_ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");

  private UnitAndFactorFields() {}

  /**
   * A required quantity {@code {"value": "...", "unit": "..."}} of one of the {@code allowed}
   * dimensions (not a ratio).
   */
  static Quantity quantity(InputReader in, String field, Dimension... allowed) {
    Quantity quantity = rawQuantity(in, field);
    if (quantity.unit().isRatio()
        || !Arrays.asList(allowed).contains(quantity.unit().dimension())) {
      throw new InvalidInputException(
          in.path(field) + ".unit",
          quantity.unit().symbol()
              + " is "
              + quantity.unit().describeDimension()
              + "; expected "
              + Arrays.stream(allowed).map(Dimension::label).collect(Collectors.joining(" or ")));
    }
    return quantity;
  }

  /**
   * A required rate {@code {"value", "unit"}} with a unit such as {@code t/t} or {@code kg/kWh}.
   */
  static Quantity rate(InputReader in, String field, Dimension numerator, Dimension denominator) {
    Quantity quantity = rawQuantity(in, field);
    requireRate(in.path(field) + ".unit", quantity.unit(), numerator, denominator);
    return quantity;
  }

  static void requireRate(String field, Unit unit, Dimension numerator, Dimension denominator) {
    if (!unit.isRatio()
        || unit.dimension() != numerator
        || unit.denominator().dimension() != denominator) {
      throw new InvalidInputException(
          field,
          unit.symbol()
              + " is "
              + unit.describeDimension()
              + "; expected "
              + numerator.label()
              + " per "
              + denominator.label());
    }
  }

  private static Quantity rawQuantity(InputReader in, String field) {
    InputReader object = in.object(field);
    BigDecimal value = object.decimal("value");
    String unitText = object.text("unit");
    object.rejectUnknownFields();
    try {
      return new Quantity(value, Unit.parse(unitText));
    } catch (UnknownUnitException | IncompatibleUnitsException e) {
      throw new InvalidInputException(in.path(field) + ".unit", e.getMessage());
    }
  }

  /**
   * A factor table: a table id string, or {@code {"id": "...", "version": n}}; {@code defaultId}
   * when absent (required when that is null).
   */
  static TableRef table(InputReader in, String field, String defaultId) {
    JsonNode value = in.value(field);
    if (value == null || (value.isTextual() && value.asText().isBlank())) {
      if (defaultId == null) {
        throw new InvalidInputException(in.path(field), "required: the id of a factor table");
      }
      return TableRef.latest(defaultId);
    }
    if (value.isTextual()) {
      return new TableRef(tableId(in.path(field), value.asText().strip()), null);
    }
    InputReader object = in.object(field);
    String id = tableId(object.path("id"), object.text("id"));
    Integer version =
        object.has("version") ? object.integer("version", 1, Integer.MAX_VALUE) : null;
    object.rejectUnknownFields();
    return new TableRef(id, version);
  }

  private static String tableId(String field, String id) {
    if (!TABLE_ID.matcher(id).matches()) {
      throw new InvalidInputException(field, "\"" + id + "\" is not a factor table id");
    }
    return id;
  }

  static FactorChoice factor(InputReader in, String field, boolean inlineAllowed) {
    InputReader object = in.object(field);
    FactorChoice choice;
    if (object.has("table") || !inlineAllowed) {
      TableRef table = object.table("table", null);
      if (object.has("version")) {
        table = new TableRef(table.id(), object.integer("version", 1, Integer.MAX_VALUE));
      }
      choice = FactorChoice.fromCatalog(table, object.text("subject"));
    } else {
      BigDecimal value = object.decimal("value");
      String unitText = object.text("unit");
      Optional<String> source = object.optionalText("source");
      try {
        choice =
            FactorChoice.inline(new Quantity(value, Unit.parse(unitText)), source.orElse(null));
      } catch (UnknownUnitException e) {
        throw new InvalidInputException(object.path("unit"), e.getMessage());
      }
    }
    object.rejectUnknownFields();
    return choice;
  }
}
