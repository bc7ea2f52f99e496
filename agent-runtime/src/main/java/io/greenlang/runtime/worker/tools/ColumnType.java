package io.greenlang.runtime.worker.tools;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The value types {@code validate-csv} checks a column against. Each either normalises a cell
 * (trimmed, canonical form) or explains, in a sentence naming the value, why it is not valid.
 */
public enum ColumnType {
  /** Any non-empty text. */
  TEXT("text"),
  /** A whole number, such as {@code -3} or {@code 2026}. */
  INTEGER("integer"),
  /** A decimal number with {@code .} as separator and no exponent, such as {@code -1.25}. */
  DECIMAL("decimal"),
  /** A decimal number greater than zero, such as a net mass. */
  POSITIVE_DECIMAL("positive-decimal"),
  /** A decimal number of zero or more. */
  NON_NEGATIVE_DECIMAL("non-negative-decimal"),
  /** An ISO 8601 calendar date, {@code YYYY-MM-DD}. */
  DATE("date"),
  /**
   * A Combined Nomenclature code: 8 digits (Council Regulation (EEC) No 2658/87, Annex I), spaces
   * and dots as in {@code 7208 51 20} allowed and removed.
   */
  CN_CODE("cn-code"),
  /** An ISO 3166-1 alpha-2 country code, such as {@code CN}; lower case is upper-cased. */
  ISO_COUNTRY("iso-country");

  private static final Pattern INTEGER_PATTERN = Pattern.compile("[+-]?\\d+");
  private static final Pattern DECIMAL_PATTERN = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
  private static final Pattern CN_CODE_PATTERN = Pattern.compile("\\d{8}");
  private static final Set<String> ISO_COUNTRIES =
      new TreeSet<>(Arrays.asList(Locale.getISOCountries()));

  private final String id;

  ColumnType(String id) {
    this.id = id;
  }

  /** The name used in the {@code columns} setting. */
  public String id() {
    return id;
  }

  /** The type a {@code columns} setting names. */
  public static ColumnType byId(String id) {
    for (ColumnType type : values()) {
      if (type.id.equals(id)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown column type '"
            + id
            + "'; known: "
            + Arrays.stream(values()).map(ColumnType::id).toList());
  }

  /**
   * The cell in canonical form.
   *
   * @param cell the trimmed, non-empty cell
   * @throws IllegalArgumentException with a sentence saying why the cell is not of this type
   */
  public String normalise(String cell) {
    return switch (this) {
      case TEXT -> cell;
      case INTEGER -> {
        if (!INTEGER_PATTERN.matcher(cell).matches()) {
          throw new IllegalArgumentException("'" + cell + "' is not a whole number");
        }
        yield new BigInteger(cell).toString();
      }
      case DECIMAL -> decimal(cell).toPlainString();
      case POSITIVE_DECIMAL -> {
        BigDecimal value = decimal(cell);
        if (value.signum() <= 0) {
          throw new IllegalArgumentException("'" + cell + "' is not greater than zero");
        }
        yield value.toPlainString();
      }
      case NON_NEGATIVE_DECIMAL -> {
        BigDecimal value = decimal(cell);
        if (value.signum() < 0) {
          throw new IllegalArgumentException("'" + cell + "' is negative");
        }
        yield value.toPlainString();
      }
      case DATE -> {
        try {
          yield LocalDate.parse(cell).toString();
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("'" + cell + "' is not a date in the form YYYY-MM-DD");
        }
      }
      case CN_CODE -> {
        String digits = cell.replace(" ", "").replace(".", "");
        if (!CN_CODE_PATTERN.matcher(digits).matches()) {
          throw new IllegalArgumentException(
              "'" + cell + "' is not a CN code: 8 digits expected, such as 72085120");
        }
        yield digits;
      }
      case ISO_COUNTRY -> {
        String code = cell.toUpperCase(Locale.ROOT);
        if (!ISO_COUNTRIES.contains(code)) {
          throw new IllegalArgumentException(
              "'" + cell + "' is not an ISO 3166-1 alpha-2 country code, such as CN or TR");
        }
        yield code;
      }
    };
  }

  private static BigDecimal decimal(String cell) {
    if (!DECIMAL_PATTERN.matcher(cell).matches()) {
      String hint = cell.contains(",") ? " (use '.' as the decimal separator)" : "";
      throw new IllegalArgumentException("'" + cell + "' is not a decimal number" + hint);
    }
    return new BigDecimal(cell);
  }
}
