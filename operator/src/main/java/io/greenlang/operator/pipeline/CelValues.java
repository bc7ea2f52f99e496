package io.greenlang.operator.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.NullValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a JSON value into the Java value cel-java evaluates. */
final class CelValues {
  private CelValues() {}

  static Object of(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return NullValue.NULL_VALUE;
    }
    if (value.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      value.properties().forEach(field -> map.put(field.getKey(), of(field.getValue())));
      return map;
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      value.forEach(item -> list.add(of(item)));
      return list;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      return number(value.decimalValue());
    }
    return value.asText();
  }

  /** Whole numbers as CEL int; anything else as CEL double (conditions only compare). */
  private static Object number(BigDecimal number) {
    BigDecimal whole = number.stripTrailingZeros();
    if (whole.scale() <= 0) {
      try {
        return whole.longValueExact();
      } catch (ArithmeticException outsideLong) {
        return number.doubleValue();
      }
    }
    return number.doubleValue();
  }
}
