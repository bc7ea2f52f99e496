package io.greenlang.runtime.calculation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.audit.AuditActors;
import io.greenlang.runtime.audit.AuditRecorder;
import io.greenlang.runtime.calculation.batch.BatchCalculation;
import io.greenlang.runtime.calculation.batch.BatchSummary;
import io.greenlang.runtime.calculation.batch.CbamObligationRun;
import io.greenlang.runtime.calculation.batch.ResultRecord;
import io.greenlang.runtime.calculation.batch.ResultSink;
import io.greenlang.runtime.calculation.batch.RowError;
import io.greenlang.runtime.calculation.batch.RowInput;
import io.greenlang.runtime.calculation.batch.RowInputs;
import io.greenlang.runtime.calculation.batch.RowJson;
import io.greenlang.runtime.calculation.cbam.CertificateObligation;
import io.greenlang.runtime.calculation.store.CalculationStore;
import io.greenlang.runtime.calculation.store.NotFoundException;
import io.greenlang.runtime.calculation.store.StoredRun;
import io.greenlang.runtime.calculation.store.TenantTransactions;
import io.greenlang.runtime.catalog.BuiltInCatalog;
import io.greenlang.runtime.catalog.CsvRecords;
import io.greenlang.runtime.catalog.FactorCatalog;
import io.greenlang.runtime.catalog.TenantFactorTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs calculations for a tenant and stores them with their provenance: a single calculation (one
 * result, or for a CBAM obligation its import lines and the obligation), a CSV batch, and reads and
 * reads stored runs ({@link CalculationVerifications} verifies them). Everything happens in one
 * transaction acting for the tenant, which also appends the audit events of a stored run ({@link
 * CalculationAudit}), so the tenant's chain records a run exactly when it is stored.
 */
@ApplicationScoped
public class CalculationService {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final String LINE_DEFAULT_PREFIX = "lines.";

  private final TenantTransactions transactions;
  private final CalculationSettings settings;
  private final Calculator calculator;
  private final AuditRecorder audit;

  public CalculationService(
      TenantTransactions transactions,
      CalculationSettings settings,
      @ConfigProperty(name = "quarkus.application.version") String codeVersion,
      AuditRecorder audit) {
    this.transactions = transactions;
    this.settings = settings;
    this.calculator = new Calculator(codeVersion);
    this.audit = audit;
  }

  /** As {@link #calculate(String, String, String, JsonNode)}, by the runtime itself. */
  public RunOutcome calculate(String tenant, String formula, JsonNode input) {
    return calculate(tenant, AuditActors.RUNTIME, formula, input);
  }

  /**
   * One calculation of {@code formula} on {@code input}, stored as a run and recorded as {@code
   * calculation.performed} by {@code actor}.
   *
   * @throws InvalidInputException naming the field (for a line, {@code lines[i].field})
   * @throws NotFoundException when there is no such formula
   */
  public RunOutcome calculate(String tenant, String actor, String formula, JsonNode input) {
    return calculate(tenant, actor, formula, input, UUID.randomUUID());
  }

  /**
   * As {@link #calculate(String, String, String, JsonNode)}, stored as run {@code runId}: a
   * pipeline step names its run after its task, so a repeated step finds the run it stored (a
   * second store of the same id fails on the primary key and leaves the first intact, its event
   * included).
   */
  public RunOutcome calculate(
      String tenant, String actor, String formula, JsonNode input, UUID runId) {
    CalculationTool<?, ?> tool = tool(formula);
    return transactions.inTransaction(
        tenant,
        connection -> {
          FactorCatalog catalog = catalog(connection);
          CalculationStore store = new CalculationStore(connection);
          CalculationStore.Sink sink = store.sink(runId);
          List<ResultRecord> records = new ArrayList<>();
          BatchSummary summary;
          if (tool instanceof CertificateObligation) {
            summary =
                obligationFromJson(
                    input,
                    catalog,
                    record -> {
                      records.add(record);
                      sink.accept(record);
                    });
          } else {
            BatchableTool<?, ?> batchable = (BatchableTool<?, ?>) tool;
            summary =
                new BatchCalculation<>(batchable, calculator, catalog, 1, false)
                    .run(
                        List.of(RowInput.of("input", null, input)).iterator(),
                        record -> {
                          records.add(record);
                          sink.accept(record);
                        });
            failOnRowError(summary);
          }
          sink.flush();
          StoredRun run = store(store, runId, "single", summary);
          audit.append(connection, CalculationAudit.performed(tenant, actor, run, records));
          return new RunOutcome(run, summary, records);
        });
  }

  /** As {@link #batch(String, String, String, Reader, Map)}, by the runtime itself. */
  public RunOutcome batch(
      String tenant, String formula, Reader csv, Map<String, String> parameters) {
    return batch(tenant, AuditActors.RUNTIME, formula, csv, parameters);
  }

  /**
   * A batch of {@code formula} over the rows of {@code csv}; {@code parameters} are defaults for
   * empty cells (for {@value CertificateObligation#FORMULA}: the obligation's terms, and defaults
   * for the lines when prefixed {@code lines.}). Recorded as {@code data.import} and {@code
   * calculation.performed} by {@code actor}: two entries per batch, whatever its size.
   */
  public RunOutcome batch(
      String tenant, String actor, String formula, Reader csv, Map<String, String> parameters) {
    CalculationTool<?, ?> tool = tool(formula);
    if (!(tool instanceof BatchableTool<?, ?>) && !(tool instanceof CertificateObligation)) {
      throw new InvalidInputException("formula", formula + " cannot run as a batch");
    }
    return transactions.inTransaction(
        tenant,
        connection -> {
          FactorCatalog catalog = catalog(connection);
          UUID runId = UUID.randomUUID();
          CalculationStore store = new CalculationStore(connection);
          CalculationStore.Sink sink = store.sink(runId);
          int maxErrors = settings.batch().maxReportedErrors();
          boolean parallel = settings.batch().parallel();
          BatchSummary summary;
          try (CsvRecords records = CsvRecords.open(csv)) {
            if (tool instanceof CertificateObligation) {
              Map<String, String> terms = new LinkedHashMap<>();
              Map<String, String> lineDefaults = new LinkedHashMap<>();
              parameters.forEach(
                  (name, value) -> {
                    if (name.startsWith(LINE_DEFAULT_PREFIX)) {
                      lineDefaults.put(name.substring(LINE_DEFAULT_PREFIX.length()), value);
                    } else {
                      terms.put(name, value);
                    }
                  });
              summary =
                  new CbamObligationRun(calculator, catalog, maxErrors, parallel)
                      .run(
                          RowInputs.csv(records, lineDefaults),
                          RowJson.fromParameters(terms),
                          sink);
            } else {
              summary =
                  new BatchCalculation<>(
                          (BatchableTool<?, ?>) tool, calculator, catalog, maxErrors, parallel)
                      .run(RowInputs.csv(records, parameters), sink);
            }
          }
          sink.flush();
          StoredRun run = store(store, runId, "batch", summary);
          audit.appendAll(
              connection,
              List.of(
                  CalculationAudit.batchImported(tenant, actor, run),
                  CalculationAudit.performed(tenant, actor, run, List.of())));
          return new RunOutcome(run, summary, List.of());
        });
  }

  /**
   * One run of {@code formula} over the inputs in the JSON list {@code rows} (a pipeline step's
   * import lines, fuels, ...), stored as run {@code runId} in mode {@code batch} with every result
   * returned, and recorded as {@code calculation.performed} by {@code actor}. Unlike a CSV batch,
   * every row must succeed: the first row that fails fails the call.
   *
   * @throws InvalidInputException naming the row and field ({@code rows[2].cnCode})
   */
  public RunOutcome calculateRows(
      String tenant, String actor, String formula, JsonNode rows, UUID runId) {
    CalculationTool<?, ?> tool = tool(formula);
    if (!(tool instanceof BatchableTool<?, ?> batchable)) {
      throw new InvalidInputException("formula", formula + " cannot run over rows");
    }
    ObjectNode wrapped = JSON.createObjectNode();
    wrapped.set("rows", rows);
    List<RowInput> inputs = RowInputs.jsonList(wrapped, "rows", settings.maxJsonLines());
    return transactions.inTransaction(
        tenant,
        connection -> {
          CalculationStore store = new CalculationStore(connection);
          CalculationStore.Sink sink = store.sink(runId);
          List<ResultRecord> records = new ArrayList<>();
          BatchSummary summary =
              new BatchCalculation<>(
                      batchable, calculator, catalog(connection), 1, settings.batch().parallel())
                  .run(
                      inputs.iterator(),
                      record -> {
                        records.add(record);
                        sink.accept(record);
                      });
          failOnRowError(summary);
          sink.flush();
          StoredRun run = store(store, runId, "batch", summary);
          audit.append(connection, CalculationAudit.performed(tenant, actor, run, records));
          return new RunOutcome(run, summary, records);
        });
  }

  public StoredRun run(String tenant, UUID runId) {
    return transactions.inTransaction(tenant, connection -> requireRun(connection, runId));
  }

  /** Results {@code offset+1 ... offset+limit} of the run, in chain order. */
  public List<ResultRecord> results(String tenant, UUID runId, long offset, int limit) {
    if (limit < 1 || limit > settings.maxPageSize()) {
      throw new InvalidInputException("limit", "must be between 1 and " + settings.maxPageSize());
    }
    if (offset < 0) {
      throw new InvalidInputException("offset", "must not be negative");
    }
    return transactions.inTransaction(
        tenant,
        connection -> {
          requireRun(connection, runId);
          return new CalculationStore(connection).results(runId, offset, limit);
        });
  }

  public ResultRecord result(String tenant, UUID runId, long sequence) {
    return transactions.inTransaction(
        tenant, connection -> requireResult(connection, runId, sequence));
  }

  private static CalculationTool<?, ?> tool(String formula) {
    return Formulas.find(formula)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "no formula "
                        + formula
                        + "; the formulas are "
                        + String.join(
                            ", ", Formulas.all().stream().map(CalculationTool::formula).toList())));
  }

  /** The catalog the tenant sees, reading its tables on this transaction's connection. */
  static FactorCatalog catalog(Connection connection) {
    TenantFactorTables tables = new TenantFactorTables(connection);
    // Batch rows may be calculated on several threads; the connection serves one at a time.
    return new FactorCatalog(
        BuiltInCatalog.shipped(),
        (id, version) -> {
          synchronized (tables) {
            return tables.table(id, version);
          }
        });
  }

  private BatchSummary obligationFromJson(JsonNode input, FactorCatalog catalog, ResultSink sink) {
    if (input == null || !input.isObject()) {
      throw new InvalidInputException("input", "must be a JSON object");
    }
    List<RowInput> lines = RowInputs.jsonList(input, "lines", settings.maxJsonLines());
    ObjectNode terms = ((ObjectNode) input).deepCopy();
    terms.remove("lines");
    BatchSummary summary =
        new CbamObligationRun(calculator, catalog, 1, false).run(lines.iterator(), terms, sink);
    failOnRowError(summary);
    return summary;
  }

  private static void failOnRowError(BatchSummary summary) {
    if (summary.errorCount() > 0) {
      RowError error = summary.errors().get(0);
      String field =
          error.row().equals("input") ? error.field() : error.row() + "." + error.field();
      throw new InvalidInputException(field, error.problem());
    }
  }

  private StoredRun store(CalculationStore store, UUID runId, String mode, BatchSummary summary)
      throws SQLException {
    ObjectNode totals = summary.totals().deepCopy();
    if (summary.obligation() != null) {
      totals.set("obligation", summary.obligation());
    }
    if (summary.obligationNote() != null) {
      totals.put("obligationNote", summary.obligationNote());
    }
    StoredRun run =
        new StoredRun(
            runId,
            summary.formula(),
            mode,
            summary.rows(),
            summary.results(),
            summary.errorCount(),
            summary.rootHash(),
            totals.toString(),
            JSON.valueToTree(summary.errors()).toString(),
            calculator.codeVersion(),
            null);
    store.insertRun(run);
    return store.run(runId).orElseThrow();
  }

  static StoredRun requireRun(Connection connection, UUID runId) throws SQLException {
    return new CalculationStore(connection)
        .run(runId)
        .orElseThrow(() -> new NotFoundException("no calculation run " + runId));
  }

  static ResultRecord requireResult(Connection connection, UUID runId, long sequence)
      throws SQLException {
    requireRun(connection, runId);
    return new CalculationStore(connection)
        .result(runId, sequence)
        .orElseThrow(() -> new NotFoundException("run " + runId + " has no result " + sequence));
  }
}
