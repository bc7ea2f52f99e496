package io.greenlang.runtime.worker.tools.calculation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.BatchableTool;
import io.greenlang.runtime.calculation.CalculationFixtures;
import io.greenlang.runtime.calculation.CalculationTool;
import io.greenlang.runtime.calculation.Calculator;
import io.greenlang.runtime.calculation.Formulas;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.batch.BatchCalculation;
import io.greenlang.runtime.calculation.batch.BatchSummary;
import io.greenlang.runtime.calculation.batch.CbamObligationRun;
import io.greenlang.runtime.calculation.batch.ResultRecord;
import io.greenlang.runtime.calculation.batch.RowError;
import io.greenlang.runtime.calculation.batch.RowInput;
import io.greenlang.runtime.calculation.batch.RowInputs;
import io.greenlang.runtime.calculation.cbam.CertificateObligation;
import io.greenlang.runtime.calculation.store.NotFoundException;
import io.greenlang.runtime.catalog.BuiltInCatalog;
import io.greenlang.runtime.catalog.CsvRecords;
import io.greenlang.runtime.catalog.FactorCatalog;
import io.greenlang.runtime.catalog.FactorRowParser;
import io.greenlang.runtime.catalog.FactorTable;
import io.greenlang.runtime.catalog.FactorTables;
import io.greenlang.runtime.catalog.TableOrigin;
import io.greenlang.runtime.catalog.TableRef;
import io.greenlang.runtime.worker.CanonicalJson;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@link StepCalculations} in memory for unit tests of the tools: the real formulas, batch and
 * obligation runs and catalog (built-in tables plus tenant tables held here), as {@code
 * CalculationService} runs them, with runs kept in a map instead of PostgreSQL.
 */
public final class MemoryStepCalculations implements StepCalculations {

  private final Calculator calculator = new Calculator(CalculationFixtures.CODE_VERSION);
  private final Map<String, TreeMap<Integer, FactorTable>> tables = new HashMap<>();
  private final Map<UUID, CalculationRun> runs = new HashMap<>();
  private int calculated;

  @Override
  public synchronized CalculationRun calculate(
      String tenant, String actor, UUID runId, String formula, JsonNode input) {
    CalculationRun stored = runs.get(runId);
    if (stored != null) {
      return stored;
    }
    CalculationTool<?, ?> tool =
        Formulas.find(formula).orElseThrow(() -> new NotFoundException("no formula " + formula));
    List<ResultRecord> records = new ArrayList<>();
    BatchSummary summary;
    if (tool instanceof CertificateObligation) {
      List<RowInput> lines = RowInputs.jsonList(input, "lines", 10_000);
      ObjectNode terms = ((ObjectNode) input).deepCopy();
      terms.remove("lines");
      summary =
          new CbamObligationRun(calculator, catalog(), 1, false)
              .run(lines.iterator(), terms, records::add);
    } else {
      summary =
          new BatchCalculation<>((BatchableTool<?, ?>) tool, calculator, catalog(), 1, false)
              .run(List.of(RowInput.of("input", null, input)).iterator(), records::add);
    }
    return store(runId, summary, records);
  }

  @Override
  public synchronized CalculationRun calculateRows(
      String tenant, String actor, UUID runId, String formula, ArrayNode rows) {
    CalculationRun stored = runs.get(runId);
    if (stored != null) {
      return stored;
    }
    BatchableTool<?, ?> tool = (BatchableTool<?, ?>) Formulas.find(formula).orElseThrow();
    ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
    wrapped.set("rows", rows);
    List<ResultRecord> records = new ArrayList<>();
    BatchSummary summary =
        new BatchCalculation<>(tool, calculator, catalog(), 1, false)
            .run(RowInputs.jsonList(wrapped, "rows", 10_000).iterator(), records::add);
    return store(runId, summary, records);
  }

  @Override
  public synchronized TableRef latestVersion(String tenant, String tableId) {
    FactorTable table =
        catalog().table(tableId, null).orElseThrow(() -> new NotFoundException("no " + tableId));
    return new TableRef(table.id(), table.version());
  }

  @Override
  public synchronized TableRef publish(
      String tenant, String actor, String tableId, String title, String description, String csv) {
    if (BuiltInCatalog.shipped().has(tableId)) {
      throw new InvalidInputException("tableId", tableId + " is a built-in table");
    }
    TreeMap<Integer, FactorTable> versions = tables.computeIfAbsent(tableId, id -> new TreeMap<>());
    int next = versions.isEmpty() ? 1 : versions.lastKey() + 1;
    FactorTable table;
    try (CsvRecords records = CsvRecords.open(new StringReader(csv))) {
      table =
          new FactorTable(
              tableId,
              next,
              title,
              description,
              TableOrigin.TENANT,
              FactorRowParser.parse(tableId, next, records.readAll()));
    }
    if (!versions.isEmpty()) {
      FactorTable latest = versions.lastEntry().getValue();
      List<io.greenlang.runtime.catalog.FactorRow> asLatest;
      try (CsvRecords records = CsvRecords.open(new StringReader(csv))) {
        asLatest = FactorRowParser.parse(tableId, latest.version(), records.readAll());
      }
      if (FactorTables.contentHash(asLatest).equals(FactorTables.contentHash(latest.rows()))) {
        return new TableRef(tableId, latest.version());
      }
    }
    versions.put(next, table);
    return new TableRef(tableId, next);
  }

  /** How many runs were calculated (not found stored). */
  public synchronized int calculated() {
    return calculated;
  }

  /** Versions of the tenant table {@code tableId}. */
  public synchronized int versions(String tableId) {
    return tables.getOrDefault(tableId, new TreeMap<>()).size();
  }

  private CalculationRun store(UUID runId, BatchSummary summary, List<ResultRecord> records) {
    if (summary.errorCount() > 0) {
      RowError error = summary.errors().get(0);
      throw new InvalidInputException(
          error.row().equals("input") ? error.field() : error.row() + "." + error.field(),
          error.problem());
    }
    ObjectNode totals = summary.totals().deepCopy();
    if (summary.obligation() != null) {
      totals.set("obligation", summary.obligation());
    }
    CalculationRun run;
    try {
      // Through text, as the service's runs come back from PostgreSQL.
      run =
          new CalculationRun(
              runId,
              summary.formula(),
              summary.rootHash(),
              CanonicalJson.MAPPER.readTree(totals.toString()),
              records);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    runs.put(runId, run);
    calculated++;
    return run;
  }

  private FactorCatalog catalog() {
    return new FactorCatalog(
        BuiltInCatalog.shipped(),
        (id, version) -> {
          TreeMap<Integer, FactorTable> versions = tables.get(id);
          if (versions == null || versions.isEmpty()) {
            return Optional.empty();
          }
          return Optional.ofNullable(
              version == null ? versions.lastEntry().getValue() : versions.get(version));
        });
  }
}
