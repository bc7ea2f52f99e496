package io.greenlang.runtime.schema.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of an audit entry's details (docs/runtime/audit-ledger.md, "Canonical JSON"):
 * object members sorted by the Unicode code points of their names, no whitespace outside strings,
 * numbers exactly as written in the input, strings with the minimal escapes (backslash before
 * {@code "} and backslash; {@code b f n r t} after a backslash for those five controls; the other
 * characters below U+0020 as a backslash, {@code u} and four lower-case hex digits) and every other
 * character as itself, encoded in UTF-8. Parsing is Jackson's strict parser: duplicate member
 * names, comments, NaN and trailing commas are refused.
 */
public final class CanonicalJson {

  /** Input longer than this is refused before parsing; the ledger stores at most 64 KiB. */
  static final int MAX_INPUT_CHARS = 1 << 20;

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Code point order, which is also the order of the names' UTF-8 bytes. */
  static final Comparator<String> CODE_POINT_ORDER = CanonicalJson::compareCodePoints;

  private CanonicalJson() {}

  /**
   * The canonical form of {@code json}, which must be a JSON object.
   *
   * @param field the name to report in errors, e.g. {@code details}
   * @throws AuditFieldException naming {@code field} when {@code json} is not one JSON object
   */
  public static String canonicalObject(String field, String json) {
    if (json == null || json.isBlank()) {
      throw new AuditFieldException(field, "is required: a JSON object");
    }
    if (json.length() > MAX_INPUT_CHARS) {
      throw new AuditFieldException(
          field,
          "is " + json.length() + " characters long, at most " + MAX_INPUT_CHARS + " allowed");
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new AuditFieldException(field, "must be a JSON object, not " + describe(first));
      }
      StringBuilder out = new StringBuilder(json.length());
      appendValue(parser, first, out, field);
      if (parser.nextToken() != null) {
        throw new AuditFieldException(field, "has content after the JSON object");
      }
      return out.toString();
    } catch (JsonProcessingException e) {
      throw new AuditFieldException(
          field,
          "is not valid JSON: "
              + e.getOriginalMessage()
              + " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (IOException e) {
      // Reading from a String does no I/O; Jackson declares it anyway.
      throw new UncheckedIOException(e);
    }
  }

  private static void appendValue(
      JsonParser parser, JsonToken token, StringBuilder out, String field) throws IOException {
    switch (token) {
      case START_OBJECT -> appendObject(parser, out, field);
      case START_ARRAY -> {
        out.append('[');
        boolean first = true;
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; ) {
          if (!first) {
            out.append(',');
          }
          appendValue(parser, next, out, field);
          first = false;
          next = parser.nextToken();
        }
        out.append(']');
      }
      case VALUE_STRING -> appendString(out, requireWellFormed(parser.getText(), field));
      // The number's text as written: 1.50 stays 1.50 and 1e3 stays 1e3 (no binary floating point).
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.append(parser.getText());
      case VALUE_TRUE -> out.append("true");
      case VALUE_FALSE -> out.append("false");
      case VALUE_NULL -> out.append("null");
      default -> throw new AuditFieldException(field, "unexpected JSON token " + token);
    }
  }

  private static void appendObject(JsonParser parser, StringBuilder out, String field)
      throws IOException {
    Map<String, String> members = new TreeMap<>(CODE_POINT_ORDER);
    for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; ) {
      String name = requireWellFormed(parser.currentName(), field);
      StringBuilder value = new StringBuilder();
      appendValue(parser, parser.nextToken(), value, field);
      members.put(name, value.toString());
      next = parser.nextToken();
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> member : members.entrySet()) {
      if (!first) {
        out.append(',');
      }
      appendString(out, member.getKey());
      out.append(':').append(member.getValue());
      first = false;
    }
    out.append('}');
  }

  /** Appends {@code value} as a JSON string with the canonical (minimal) escapes. */
  static void appendString(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static String requireWellFormed(String text, String field) {
    if (!AuditText.isWellFormed(text)) {
      throw new AuditFieldException(
          field, "contains a string with an unpaired UTF-16 surrogate escape, not valid Unicode");
    }
    return text;
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int left = a.codePointAt(i);
      int right = b.codePointAt(j);
      if (left != right) {
        return Integer.compare(left, right);
      }
      i += Character.charCount(left);
      j += Character.charCount(right);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }
}
