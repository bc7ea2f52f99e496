package io.greenlang.runtime.worker.tools.calculation;

import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.audit.AuditActors;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.ToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What every calculation tool's step result has: the outputs name the calculation run ({@code
 * formula}, {@code calculationRunId}, {@code rootHash}) so anyone can fetch and {@code verify} it;
 * the provenance record names the tool, the formula, the tables pinned and the run's root hash,
 * which chains the hash of every result (inputs, factor rows, formula, code version, outputs). The
 * record holds no run id or time, so the same inputs and factors give the same provenance hash in
 * any run; the step's provenance hash is the one the PipelineRun's root hash chains.
 */
public final class CalculationSteps {

  private CalculationSteps() {}

  /** Who a step's calculations are recorded as in the audit chain: the step's agent. */
  public static String actor(StepTask task) {
    return AuditActors.agent(task.namespace(), task.agent());
  }

  /**
   * The step's result.
   *
   * @param toolVersion the tool and its version, such as {@code cbam.embedded_emissions/1}
   * @param figures the tool's own outputs; the run's members are added after them
   */
  public static ToolResult result(
      String toolVersion,
      CalculationRun run,
      List<Map<String, Object>> tables,
      Map<String, Object> figures) {
    Map<String, Object> outputs = new LinkedHashMap<>(figures);
    outputs.put("formula", run.formula());
    outputs.put("calculationRunId", run.runId().toString());
    outputs.put("rootHash", run.rootHash());
    outputs.put("tables", tables);

    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("tool", toolVersion);
    provenance.put("formula", run.formula());
    provenance.put("results", run.results().size());
    provenance.put("calculationRootHash", run.rootHash());
    provenance.put("tables", tables);
    return ToolResult.deterministic(outputs, provenance);
  }

  /**
   * A formula's refusal as the step's {@code InvalidInput}, its field renamed to the tool's input
   * ({@code rows[2].netMass.value} → {@code lines[2].netMassTonnes}).
   */
  public static StepFailure invalidInput(InvalidInputException e, UnaryOperator<String> rename) {
    return StepFailure.invalidInput(rename.apply(e.field()), e.problem());
  }
}
