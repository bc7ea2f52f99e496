package io.greenlang.runtime.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The JSON the step bus speaks, and the canonical form its hashes are taken over: object keys
 * sorted, no insignificant whitespace, UTF-8, decimals written as plain numbers ({@code 12.50},
 * never {@code 1.25E+1}) and read back as {@link java.math.BigDecimal}, so a value survives a trip
 * through JSON text (or PostgreSQL {@code jsonb}) unchanged and hashes to the same SHA-256.
 */
public final class CanonicalJson {

  /** Reads and writes tasks, results, outputs and provenance. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
          // 12.50 stays 12.50: the scale of a decimal is part of the value as reported.
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private CanonicalJson() {}

  /** The value as a JSON tree, numbers with a fraction as BigDecimal. */
  public static JsonNode tree(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    // Through text, so every number is parsed the way a reader of the stored JSON parses it.
    try {
      return MAPPER.readTree(MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not representable as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The canonical JSON text of {@code value}. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(tree(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not representable as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Lower-case hex SHA-256 of the canonical JSON of {@code value}. */
  public static String sha256(Object value) {
    return sha256Hex(write(value));
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
