package io.greenlang.runtime.worker;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a tool produced for one step.
 *
 * @param outputs outputs by name: strings, integers, booleans, decimals (as {@link BigDecimal} or
 *     decimal strings), lists and maps; never doubles for reported quantities
 * @param provenance the provenance record of the result (inputs, factors, formula, versions), or
 *     null when the tool keeps it elsewhere
 * @param provenanceHash SHA-256 over the canonical form of the provenance record
 * @param tokens LLM tokens the tool used
 * @param costUsd LLM cost in US dollars
 */
public record ToolResult(
    Map<String, Object> outputs,
    JsonNode provenance,
    String provenanceHash,
    long tokens,
    BigDecimal costUsd) {

  public ToolResult {
    outputs =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(outputs, "outputs")));
    Objects.requireNonNull(provenanceHash, "provenanceHash");
    Objects.requireNonNull(costUsd, "costUsd");
    if (tokens < 0) {
      throw new IllegalArgumentException("tokens must not be negative: " + tokens);
    }
    if (costUsd.signum() < 0) {
      throw new IllegalArgumentException("costUsd must not be negative: " + costUsd);
    }
  }

  /**
   * The result of a deterministic tool that used no LLM: the provenance record is hashed in its
   * canonical JSON form ({@link CanonicalJson#sha256}).
   */
  public static ToolResult deterministic(Map<String, Object> outputs, Object provenance) {
    JsonNode record = CanonicalJson.tree(provenance);
    return new ToolResult(outputs, record, CanonicalJson.sha256(record), 0, BigDecimal.ZERO);
  }
}
