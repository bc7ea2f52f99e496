package io.greenlang.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import java.math.BigDecimal;
import java.text.ParseException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string formats that change how the API server reads a value: {@code date-time} and {@code
 * date} become CEL timestamps, {@code duration} (Go syntax, {@code 1h30m}) a CEL duration, {@code
 * byte} (base64) CEL bytes. JSON Schema's own {@code duration} is ISO 8601, so these are parsed
 * here rather than by the JSON Schema validator.
 */
final class KubernetesFormats {

  /** Formats whose values are checked here rather than by the JSON Schema validator. */
  static final Set<String> CHECKED_HERE = Set.of("duration", "byte");

  private static final Pattern GO_DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private KubernetesFormats() {}

  /**
   * The CEL value of a formatted string, or empty when the format is plain text or the string is
   * malformed.
   */
  static Optional<Object> parse(String text, String format) {
    return switch (format) {
      case "date-time" -> parseTimestamp(text).map(Object.class::cast);
      case "date" -> parseDate(text).map(Object.class::cast);
      case "duration" -> parseGoDuration(text).map(Object.class::cast);
      case "byte" -> parseBase64(text).map(Object.class::cast);
      default -> Optional.empty();
    };
  }

  /** Whether {@code value} is not a string of one of these formats that fails to parse. */
  static boolean isWellFormed(JsonNode value, SchemaNode schema) {
    boolean formatted =
        value.isTextual()
            && schema.type().equals("string")
            && Set.of("date-time", "date", "duration", "byte").contains(schema.format());
    return !formatted || parse(value.asText(), schema.format()).isPresent();
  }

  /**
   * Parses Go's duration syntax ({@code 1h30m}, {@code 500ms}, {@code -2m3s}), the one Kubernetes
   * uses.
   */
  static Optional<Duration> parseGoDuration(String text) {
    boolean negative = text.startsWith("-");
    String body = negative || text.startsWith("+") ? text.substring(1) : text;
    if (body.equals("0")) {
      return Optional.of(Duration.getDefaultInstance());
    }
    Matcher part = GO_DURATION_PART.matcher(body);
    BigDecimal nanos = BigDecimal.ZERO;
    int end = 0;
    while (part.find() && part.start() == end) {
      nanos = nanos.add(new BigDecimal(part.group(1)).multiply(nanosPerUnit(part.group(2))));
      end = part.end();
    }
    if (body.isEmpty() || end != body.length()) {
      return Optional.empty();
    }
    long total = (negative ? nanos.negate() : nanos).longValue();
    return Optional.of(
        Duration.newBuilder()
            .setSeconds(total / 1_000_000_000L)
            .setNanos((int) (total % 1_000_000_000L))
            .build());
  }

  private static BigDecimal nanosPerUnit(String unit) {
    return switch (unit) {
      case "ns" -> BigDecimal.ONE;
      case "us", "µs" -> BigDecimal.valueOf(1_000L);
      case "ms" -> BigDecimal.valueOf(1_000_000L);
      case "s" -> NANOS_PER_SECOND;
      case "m" -> NANOS_PER_SECOND.multiply(BigDecimal.valueOf(60));
      default -> NANOS_PER_SECOND.multiply(BigDecimal.valueOf(3600));
    };
  }

  private static Optional<Timestamp> parseTimestamp(String text) {
    try {
      return Optional.of(Timestamps.parse(text));
    } catch (ParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Timestamp> parseDate(String text) {
    try {
      long seconds = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      return Optional.of(Timestamp.newBuilder().setSeconds(seconds).build());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<ByteString> parseBase64(String text) {
    try {
      return Optional.of(ByteString.copyFrom(Base64.getDecoder().decode(text)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
