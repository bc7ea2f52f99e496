package io.greenlang.runtime.worker.tools.calculation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.store.NotFoundException;
import io.greenlang.runtime.catalog.InvalidFactorTableException;
import io.greenlang.runtime.catalog.TableRef;
import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.tools.ToolInputs;
import io.greenlang.runtime.worker.tools.ToolSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The factor tables of one calculation step, each pinned to a version before the calculation so the
 * step's provenance and outputs name exactly the rows used. Tenant data (CBAM default values,
 * benchmarks, certificate prices, grid factors) is catalog data: the step names the tenant's table
 * by setting or input {@value #TABLE}, and may bring its rows along as input {@value #CSV} (the
 * catalog's CSV format, e.g. a ConfigMap key), which the step publishes as the next version of that
 * table unless its latest version has exactly those rows. A setting naming a table for one purpose
 * ({@code defaultValues}, {@code gridFactors}, ...) takes precedence over {@value #TABLE}.
 */
public final class StepTables {

  /** Input or setting: the tenant table of the step. */
  public static final String TABLE = "factorTable";

  /** Input: the rows of that table, to publish before use. */
  public static final String CSV = "factorTableCsv";

  /** The inputs every calculation tool accepts for its tables. */
  public static final Set<String> INPUTS = Set.of(TABLE, CSV);

  private static final int PROBLEMS_SHOWN = 5;

  private final String tenant;
  private final ToolSettings settings;
  private final StepCalculations calculations;
  private final TableRef stepTable;
  private final Map<String, TableRef> used = new LinkedHashMap<>();

  private StepTables(
      String tenant, ToolSettings settings, StepCalculations calculations, TableRef stepTable) {
    this.tenant = tenant;
    this.settings = settings;
    this.calculations = calculations;
    this.stepTable = stepTable;
  }

  /**
   * Resolves (and when its rows are given, publishes) the step's table.
   *
   * @throws StepFailure {@code InvalidInput} naming {@value #CSV} or {@value #TABLE}, {@code
   *     InvalidToolConfig} naming the setting
   */
  public static StepTables resolve(
      String tool,
      ToolInputs inputs,
      ToolSettings settings,
      StepCalculations calculations,
      StepTask task) {
    Optional<String> id =
        inputs.has(TABLE)
            ? Optional.of(inputs.text(TABLE, ToolSettings.TABLE_ID, "a factor table id"))
            : settings.tableId(TABLE);
    TableRef table = null;
    if (inputs.has(CSV)) {
      if (id.isEmpty()) {
        throw inputs.invalid(
            CSV,
            "is given but no table to publish it as: set input '"
                + TABLE
                + "' or "
                + settings.path(TABLE));
      }
      table = publish(tool, inputs, calculations, task, id.get());
    } else if (id.isPresent()) {
      table =
          latest(
              calculations,
              task.tenant(),
              id.get(),
              () -> inputs.invalid(TABLE, missing(id.get())));
    }
    StepTables tables = new StepTables(task.tenant(), settings, calculations, table);
    if (table != null) {
      tables.used.put(TABLE, table);
    }
    return tables;
  }

  /**
   * The table for {@code purpose}: the one its setting names (pinned to its latest version), else
   * the step's table; empty when neither is set.
   */
  public Optional<TableRef> forPurpose(String setting) {
    Optional<String> id = settings.tableId(setting);
    if (id.isEmpty()) {
      return Optional.ofNullable(stepTable);
    }
    TableRef table =
        latest(calculations, tenant, id.get(), () -> settings.invalid(setting, missing(id.get())));
    used.put(setting, table);
    return Optional.of(table);
  }

  /**
   * The table for a purpose that has a built-in default (GWP sets, emission factors, the CBAM
   * factor): the one its setting names, else {@code builtIn}; pinned to its latest version.
   */
  public TableRef forPurpose(String setting, String builtIn) {
    return named(setting, settings.tableId(setting).orElse(builtIn));
  }

  /** Table {@code id}, chosen by {@code setting} (such as a GWP set's alias), pinned. */
  public TableRef named(String setting, String id) {
    TableRef table = latest(calculations, tenant, id, () -> settings.invalid(setting, missing(id)));
    used.put(setting, table);
    return table;
  }

  /** The tables pinned so far, as {@code {"for", "id", "version"}} for outputs and provenance. */
  public List<Map<String, Object>> used() {
    List<Map<String, Object>> list = new ArrayList<>();
    used.forEach(
        (purpose, table) -> {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("for", purpose);
          entry.put("id", table.id());
          entry.put("version", table.version());
          list.add(entry);
        });
    return list;
  }

  /** A pinned table as formula inputs take it: {@code {"id", "version"}}. */
  public static ObjectNode json(TableRef table) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("id", table.id());
    if (table.version() != null) {
      json.put("version", table.version());
    }
    return json;
  }

  /** A catalog factor as formula inputs take it: {@code {"table": {...}, "subject"}}. */
  public static ObjectNode factor(TableRef table, String subject) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.set("table", json(table));
    json.put("subject", subject);
    return json;
  }

  private static TableRef publish(
      String tool, ToolInputs inputs, StepCalculations calculations, StepTask task, String id) {
    String run = task.namespace() + "/" + task.pipelineRun();
    try {
      return calculations.publish(
          task.tenant(),
          CalculationSteps.actor(task),
          id,
          "Factor table " + id + " from PipelineRun " + run,
          "Published by tool "
              + tool
              + " from input "
              + CSV
              + " of step "
              + task.step()
              + " of PipelineRun "
              + run
              + " (uid "
              + task.runUid()
              + "); each row carries its own source, edition and licence.",
          inputs.text(CSV));
    } catch (InvalidFactorTableException e) {
      throw inputs.invalid(
          CSV,
          "is not a valid factor table: "
              + e.problems().stream()
                  .limit(PROBLEMS_SHOWN)
                  .map(Object::toString)
                  .collect(Collectors.joining("; "))
              + (e.problems().size() > PROBLEMS_SHOWN
                  ? " (and " + (e.problems().size() - PROBLEMS_SHOWN) + " more)"
                  : ""));
    } catch (InvalidInputException e) {
      throw inputs.invalid(TABLE, e.problem());
    }
  }

  private static TableRef latest(
      StepCalculations calculations,
      String tenant,
      String id,
      java.util.function.Supplier<StepFailure> notFound) {
    try {
      return calculations.latestVersion(tenant, id);
    } catch (NotFoundException e) {
      throw notFound.get();
    }
  }

  private static String missing(String id) {
    return "names factor table '" + id + "', which the tenant's catalog does not have";
  }
}
