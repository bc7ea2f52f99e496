package io.greenlang.runtime.calculation;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.runtime.audit.AuditActors;
import io.greenlang.runtime.audit.AuditRecorder;
import io.greenlang.runtime.calculation.store.NotFoundException;
import io.greenlang.runtime.calculation.store.TenantTransactions;
import io.greenlang.runtime.catalog.BuiltInCatalog;
import io.greenlang.runtime.catalog.CsvRecords;
import io.greenlang.runtime.catalog.FactorCatalog;
import io.greenlang.runtime.catalog.FactorLookupException;
import io.greenlang.runtime.catalog.FactorQuery;
import io.greenlang.runtime.catalog.FactorRow;
import io.greenlang.runtime.catalog.FactorTable;
import io.greenlang.runtime.catalog.LabelledRow;
import io.greenlang.runtime.catalog.TableSummary;
import io.greenlang.runtime.catalog.TenantFactorTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The factor catalog as a tenant sees it: the built-in tables and the tenant's own, listed, read,
 * looked up (the answer names the row used), and new tenant table versions published (from JSON or
 * CSV), each recorded as {@code data.import} in the tenant's audit chain in the publishing
 * transaction. Published versions are never changed.
 */
@ApplicationScoped
public class CatalogService {

  private static final Set<String> TABLE_FIELDS = Set.of("title", "description", "rows");

  private final TenantTransactions transactions;
  private final AuditRecorder audit;

  public CatalogService(TenantTransactions transactions, AuditRecorder audit) {
    this.transactions = transactions;
    this.audit = audit;
  }

  /** Every version of every table the tenant sees: built-in first, then the tenant's. */
  public List<TableSummary> tables(String tenant) {
    List<TableSummary> tables = new ArrayList<>();
    for (FactorTable table : BuiltInCatalog.shipped().tables()) {
      tables.add(TableSummary.of(table));
    }
    tables.addAll(
        transactions.inTransaction(
            tenant, connection -> new TenantFactorTables(connection).list()));
    return tables;
  }

  /** Table {@code id} at {@code version}, its latest version when null. */
  public FactorTable table(String tenant, String id, Integer version) {
    return transactions.inTransaction(
        tenant,
        connection ->
            CalculationService.catalog(connection)
                .table(id, version)
                .orElseThrow(
                    () ->
                        new NotFoundException(
                            version == null
                                ? "no factor table " + id
                                : "no version " + version + " of factor table " + id)));
  }

  /** The row a calculation asking {@code query} would use. */
  public FactorRow lookup(String tenant, FactorQuery query) {
    return transactions.inTransaction(
        tenant,
        connection -> {
          FactorCatalog catalog = CalculationService.catalog(connection);
          try {
            return catalog.require(query);
          } catch (FactorLookupException e) {
            if (e.reason() == FactorLookupException.Reason.AMBIGUOUS) {
              throw new InvalidInputException("asOf", e.getMessage());
            }
            throw new NotFoundException(e.getMessage());
          }
        });
  }

  /** As {@link #publish(String, String, String, JsonNode)}, by the runtime itself. */
  public TableSummary publish(String tenant, String id, JsonNode body) {
    return publish(tenant, AuditActors.RUNTIME, id, body);
  }

  /** Publishes the next version of the tenant's table {@code id} from a JSON body. */
  public TableSummary publish(String tenant, String actor, String id, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidInputException("body", "must be a JSON object with title and rows");
    }
    body.fieldNames()
        .forEachRemaining(
            field -> {
              if (!TABLE_FIELDS.contains(field)) {
                throw new InvalidInputException(
                    field, "unknown field; the fields are title, description, rows");
              }
            });
    JsonNode rows = body.get("rows");
    if (rows == null || !rows.isArray()) {
      throw new InvalidInputException("rows", "required: a list of factor rows");
    }
    List<LabelledRow> raw = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      raw.add(new LabelledRow("rows[" + i + "]", textFields(rows.get(i), "rows[" + i + "]")));
    }
    return publish(tenant, actor, id, text(body, "title"), text(body, "description"), raw, "json");
  }

  /** As {@link #publish(String, String, String, String, String, Reader)}, by the runtime. */
  public TableSummary publish(
      String tenant, String id, String title, String description, Reader csv) {
    return publish(tenant, AuditActors.RUNTIME, id, title, description, csv);
  }

  /** Publishes the next version of the tenant's table {@code id} from a CSV file. */
  public TableSummary publish(
      String tenant, String actor, String id, String title, String description, Reader csv) {
    requireTableId(id);
    List<LabelledRow> raw;
    try (CsvRecords records = CsvRecords.open(csv)) {
      raw = records.readAll();
    }
    return publish(tenant, actor, id, title, description, raw, "csv");
  }

  private TableSummary publish(
      String tenant,
      String actor,
      String id,
      String title,
      String description,
      List<LabelledRow> rows,
      String format) {
    requireTableId(id);
    if (title == null || title.isBlank()) {
      throw new InvalidInputException("title", "required: what the table is");
    }
    return transactions.inTransaction(
        tenant,
        connection -> {
          TableSummary table =
              new TenantFactorTables(connection).publish(id, title.strip(), description, rows);
          audit.append(connection, CalculationAudit.tablePublished(tenant, actor, table, format));
          return table;
        });
  }

  private static void requireTableId(String id) {
    if (id == null || !TenantFactorTables.TABLE_ID.matcher(id).matches()) {
      throw new InvalidInputException(
          "tableId", "\"" + id + "\" is not a table id (lower-case letters, digits, '.', '-')");
    }
    if (BuiltInCatalog.shipped().has(id)) {
      throw new InvalidInputException(
          "tableId", id + " is a built-in table; a tenant table needs an id of its own");
    }
  }

  private static Map<String, String> textFields(JsonNode row, String label) {
    if (row == null || !row.isObject()) {
      throw new InvalidInputException(label, "must be an object");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : row.properties()) {
      JsonNode value = field.getValue();
      if (value.isNull()) {
        continue;
      }
      if (!value.isValueNode()) {
        throw new InvalidInputException(label + "." + field.getKey(), "must be a string or number");
      }
      fields.put(
          field.getKey(), value.isNumber() ? value.decimalValue().toPlainString() : value.asText());
    }
    return fields;
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
