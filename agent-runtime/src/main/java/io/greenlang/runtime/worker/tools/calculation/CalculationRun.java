package io.greenlang.runtime.worker.tools.calculation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.runtime.calculation.batch.ResultRecord;
import io.greenlang.runtime.worker.CanonicalJson;
import java.util.List;
import java.util.UUID;

/**
 * A stored calculation run as a step sees it.
 *
 * @param runId the run's id ({@code GET .../calculations/runs/{runId}}, {@code .../verify})
 * @param formula the run's formula (for a CBAM obligation run: the obligation's)
 * @param rootHash the chain hash of its last result
 * @param totals the run's totals as stored: {@code exact}, {@code presented}, {@code rules}, and
 *     for an obligation run {@code obligation}
 * @param results every result in chain order, with its canonical provenance text
 */
public record CalculationRun(
    UUID runId, String formula, String rootHash, JsonNode totals, List<ResultRecord> results) {

  public CalculationRun {
    results = List.copyOf(results);
  }

  /** The provenance of result {@code index} (0 = sequence 1). */
  public JsonNode provenance(int index) {
    try {
      return CanonicalJson.MAPPER.readTree(results.get(index).provenance());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored provenance is JSON", e);
    }
  }

  /** The exact outputs of result {@code index}. */
  public JsonNode outputs(int index) {
    return provenance(index).path("outputs");
  }

  /** The rounded outputs of result {@code index}. */
  public JsonNode presented(int index) {
    return provenance(index).path("presentation").path("values");
  }
}
