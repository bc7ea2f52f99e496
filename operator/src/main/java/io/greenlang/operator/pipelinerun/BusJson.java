package io.greenlang.operator.pipelinerun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepTask;

/**
 * The JSON of the step bus as the runtime speaks it (docs/runtime/worker.md): decimals read as
 * {@link java.math.BigDecimal} and written plain ({@code 12.50}, never {@code 1.25E+1}), unknown
 * fields ignored so a newer worker's results still read.
 */
final class BusJson {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private BusJson() {}

  static String task(StepTask task) {
    try {
      return MAPPER.writeValueAsString(task);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("StepTask not representable as JSON", e);
    }
  }

  /** The result in a stream entry's payload; throws IllegalArgumentException when unreadable. */
  static StepResult result(String payload) {
    try {
      return MAPPER.readValue(payload, StepResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a StepResult: " + e.getOriginalMessage(), e);
    }
  }

  static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** JSON text of a value, decimals plain. */
  static String text(JsonNode value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not representable as JSON", e);
    }
  }
}
