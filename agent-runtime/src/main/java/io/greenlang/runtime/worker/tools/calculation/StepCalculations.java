package io.greenlang.runtime.worker.tools.calculation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.store.NotFoundException;
import io.greenlang.runtime.catalog.InvalidFactorTableException;
import io.greenlang.runtime.catalog.TableRef;
import java.util.UUID;

/**
 * What the calculation tools of pipeline steps ask of the calculation service: runs stored as the
 * REST API stores them (run, results with provenance, chain, root hash: {@code verify} works on
 * them), under a run id the step chooses, so that a step run twice (delivery is at least once)
 * finds the run it stored instead of storing another; and the tenant's factor tables. {@code actor}
 * is who the tenant's audit chain names for a run or table version stored: the step's agent ({@link
 * CalculationSteps#actor}).
 */
public interface StepCalculations {

  /**
   * Calculation run {@code runId} of {@code formula} on {@code input} (one result; for {@code
   * cbam.certificate_obligation.v1} the import lines, then the obligation): the stored run when
   * there is one, otherwise calculated and stored now.
   *
   * @throws InvalidInputException naming the formula's field
   */
  CalculationRun calculate(String tenant, String actor, UUID runId, String formula, JsonNode input);

  /**
   * Calculation run {@code runId} of {@code formula} over {@code rows} (each one input), one result
   * per row in order: the stored run, or calculated and stored now.
   *
   * @throws InvalidInputException naming the row and field ({@code rows[2].cnCode})
   */
  CalculationRun calculateRows(
      String tenant, String actor, UUID runId, String formula, ArrayNode rows);

  /**
   * The latest version of table {@code tableId} the tenant sees (built-in or its own).
   *
   * @throws NotFoundException when there is no such table
   */
  TableRef latestVersion(String tenant, String tableId);

  /**
   * The tenant's table {@code tableId} holding exactly the rows of {@code csv} (the catalog's CSV
   * format): its latest version when that has those rows, otherwise a new version published now.
   * Published versions are never changed.
   *
   * @throws InvalidFactorTableException naming the problems of the rows
   * @throws InvalidInputException when {@code tableId} is not a tenant table id
   */
  TableRef publish(
      String tenant, String actor, String tableId, String title, String description, String csv);
}
