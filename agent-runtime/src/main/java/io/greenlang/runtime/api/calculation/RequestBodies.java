package io.greenlang.runtime.api.calculation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.greenlang.runtime.calculation.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Reads request bodies and path values: JSON with every number parsed as an exact decimal (never
 * through binary floating point), CSV as UTF-8, run ids as UUIDs; failures name what was wrong.
 */
final class RequestBodies {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private RequestBodies() {}

  static JsonNode json(InputStream body) {
    if (body == null) {
      throw new InvalidInputException("body", "required: a JSON object");
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new InvalidInputException("body", "required: a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("body", "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidInputException("body", "could not be read: " + e.getMessage());
    }
  }

  static Reader csv(InputStream body) {
    if (body == null) {
      throw new InvalidInputException("body", "required: a CSV file with a header line");
    }
    return new InputStreamReader(body, StandardCharsets.UTF_8);
  }

  static UUID runId(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("runId", "\"" + text + "\" is not a run id (a UUID)");
    }
  }
}
