package io.greenlang.runtime.worker.tools.calculation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.greenlang.runtime.calculation.CalculationService;
import io.greenlang.runtime.calculation.CalculationSettings;
import io.greenlang.runtime.calculation.CatalogService;
import io.greenlang.runtime.calculation.RunOutcome;
import io.greenlang.runtime.calculation.batch.ResultRecord;
import io.greenlang.runtime.calculation.store.DatabaseException;
import io.greenlang.runtime.calculation.store.NotFoundException;
import io.greenlang.runtime.calculation.store.StoredRun;
import io.greenlang.runtime.catalog.CsvRecords;
import io.greenlang.runtime.catalog.FactorRowParser;
import io.greenlang.runtime.catalog.FactorTable;
import io.greenlang.runtime.catalog.FactorTables;
import io.greenlang.runtime.catalog.LabelledRow;
import io.greenlang.runtime.catalog.TableRef;
import io.greenlang.runtime.catalog.TableSummary;
import io.greenlang.runtime.worker.CanonicalJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link StepCalculations} through the runtime's {@link CalculationService} and {@link
 * CatalogService}: the same transactions, tables and stored form as the REST API.
 */
@ApplicationScoped
public class ServiceStepCalculations implements StepCalculations {

  private final CalculationService calculations;
  private final CatalogService catalog;
  private final int pageSize;

  public ServiceStepCalculations(
      CalculationService calculations, CatalogService catalog, CalculationSettings settings) {
    this.calculations = calculations;
    this.catalog = catalog;
    this.pageSize = settings.maxPageSize();
  }

  @Override
  public CalculationRun calculate(
      String tenant, String actor, UUID runId, String formula, JsonNode input) {
    return storedOr(
        tenant, runId, () -> run(calculations.calculate(tenant, actor, formula, input, runId)));
  }

  @Override
  public CalculationRun calculateRows(
      String tenant, String actor, UUID runId, String formula, ArrayNode rows) {
    return storedOr(
        tenant, runId, () -> run(calculations.calculateRows(tenant, actor, formula, rows, runId)));
  }

  @Override
  public TableRef latestVersion(String tenant, String tableId) {
    FactorTable table = catalog.table(tenant, tableId, null);
    return new TableRef(table.id(), table.version());
  }

  @Override
  public TableRef publish(
      String tenant, String actor, String tableId, String title, String description, String csv) {
    List<LabelledRow> raw;
    try (CsvRecords records = CsvRecords.open(new StringReader(csv))) {
      raw = records.readAll();
    }
    Optional<FactorTable> latest = latest(tenant, tableId);
    if (latest.isPresent()) {
      // Compared as rows of the latest version: the same rows are that version, not a new one.
      String given =
          FactorTables.contentHash(FactorRowParser.parse(tableId, latest.get().version(), raw));
      if (given.equals(FactorTables.contentHash(latest.get().rows()))) {
        return new TableRef(tableId, latest.get().version());
      }
    }
    TableSummary published =
        catalog.publish(tenant, actor, tableId, title, description, new StringReader(csv));
    return new TableRef(published.id(), published.version());
  }

  private Optional<FactorTable> latest(String tenant, String tableId) {
    try {
      return Optional.of(catalog.table(tenant, tableId, null));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** The run stored under {@code runId}, else what {@code calculate} stores. */
  private CalculationRun storedOr(String tenant, UUID runId, Supplier<CalculationRun> calculate) {
    Optional<CalculationRun> stored = stored(tenant, runId);
    if (stored.isPresent()) {
      return stored.get();
    }
    try {
      return calculate.get();
    } catch (DatabaseException e) {
      // Another execution of the same task stored the run first (its primary key): use that one.
      return stored(tenant, runId).orElseThrow(() -> e);
    }
  }

  private Optional<CalculationRun> stored(String tenant, UUID runId) {
    StoredRun run;
    try {
      run = calculations.run(tenant, runId);
    } catch (NotFoundException e) {
      return Optional.empty();
    }
    List<ResultRecord> results = new ArrayList<>();
    for (long offset = 0; offset < run.results(); offset += pageSize) {
      results.addAll(calculations.results(tenant, runId, offset, pageSize));
    }
    return Optional.of(
        new CalculationRun(runId, run.formula(), run.rootHash(), json(run.totalsJson()), results));
  }

  private static CalculationRun run(RunOutcome outcome) {
    StoredRun run = outcome.run();
    return new CalculationRun(
        run.runId(), run.formula(), run.rootHash(), json(run.totalsJson()), outcome.results());
  }

  private static JsonNode json(String text) {
    try {
      return CanonicalJson.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored totals are JSON", e);
    }
  }
}
