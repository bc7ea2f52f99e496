package io.greenlang.runtime.provenance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.units.DecimalArithmetic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON form that provenance hashes are computed over (docs/runtime/calculations.md,
 * "Canonical form"):
 *
 * <ul>
 *   <li>UTF-8, no whitespace outside strings;
 *   <li>object members sorted by name (Java {@link String#compareTo}, i.e. UTF-16 code units);
 *       members whose value is null are left out;
 *   <li>decimals ({@code BigDecimal}) as JSON strings in plain notation without trailing zeros
 *       ({@code "56100"}, {@code "0.1"}, {@code "0"}); integers as JSON numbers; floating-point
 *       numbers are refused;
 *   <li>strings escaped as Jackson writes them: {@code \"}, {@code \\}, {@code \b \f \n \r \t},
 *       other control characters as {@code \}{@code u00XX}; everything else as UTF-8;
 *   <li>arrays in their order.
 * </ul>
 */
public final class CanonicalJson {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private CanonicalJson() {}

  /**
   * {@code node} with its canonical text computed now and written as is whenever the node is part
   * of a canonical form again: for values recorded in many results, such as a factor row. The
   * returned node must not be changed.
   */
  public static ObjectNode frozen(ObjectNode node) {
    return new FrozenObjectNode(node, text(node));
  }

  /** An object node that carries its own canonical text. */
  private static final class FrozenObjectNode extends ObjectNode {
    private static final long serialVersionUID = 1L;
    private final transient String canonical;

    FrozenObjectNode(ObjectNode content, String canonical) {
      super(JsonNodeFactory.instance, copy(content));
      this.canonical = canonical;
    }

    private static Map<String, JsonNode> copy(ObjectNode content) {
      Map<String, JsonNode> members = new LinkedHashMap<>();
      content.properties().forEach(member -> members.put(member.getKey(), member.getValue()));
      return members;
    }
  }

  /** The canonical bytes of {@code node}. */
  public static byte[] bytes(JsonNode node) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(generator, node);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write canonical JSON", e);
    }
    return out.toByteArray();
  }

  /** The canonical form of {@code node} as a string. */
  public static String text(JsonNode node) {
    return new String(bytes(node), StandardCharsets.UTF_8);
  }

  private static void write(JsonGenerator out, JsonNode node) throws IOException {
    if (node instanceof FrozenObjectNode frozen) {
      out.writeRawValue(frozen.canonical);
      return;
    }
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          if (!member.getValue().isNull() && !member.getValue().isMissingNode()) {
            members.add(member);
          }
        }
        members.sort(Map.Entry.comparingByKey());
        out.writeStartObject();
        for (Map.Entry<String, JsonNode> member : members) {
          out.writeFieldName(member.getKey());
          write(out, member.getValue());
        }
        out.writeEndObject();
      }
      case ARRAY -> {
        out.writeStartArray();
        for (JsonNode element : node) {
          write(out, element);
        }
        out.writeEndArray();
      }
      case STRING -> out.writeString(node.textValue());
      case BOOLEAN -> out.writeBoolean(node.booleanValue());
      case NULL -> out.writeNull();
      case NUMBER -> writeNumber(out, node);
      default ->
          throw new IllegalArgumentException(
              "no canonical form for a JSON node of type " + node.getNodeType());
    }
  }

  private static void writeNumber(JsonGenerator out, JsonNode node) throws IOException {
    if (node.isBigDecimal()) {
      out.writeString(DecimalArithmetic.plain(node.decimalValue()));
    } else if (node.isIntegralNumber()) {
      out.writeNumber(node.bigIntegerValue());
    } else {
      throw new IllegalArgumentException(
          "floating-point number "
              + node.asText()
              + " has no canonical form: calculations use BigDecimal values");
    }
  }
}
