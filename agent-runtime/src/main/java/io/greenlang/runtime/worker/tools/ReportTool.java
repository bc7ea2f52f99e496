package io.greenlang.runtime.worker.tools;

import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.worker.AgentTool;
import io.greenlang.runtime.worker.CanonicalJson;
import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.StoredStepResult;
import io.greenlang.runtime.worker.ToolContext;
import io.greenlang.runtime.worker.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code report}: assembles the report of a PipelineRun as JSON and CSV, citing every upstream step
 * it draws on with the output hash and provenance hash of that step's stored result, so a reader
 * can trace each figure to the calculation that produced it. Nothing time-dependent goes in: the
 * same inputs and upstream results always give the same report and hashes.
 *
 * <p>Inputs: {@code rows} (a list of objects, the CSV's lines), {@code columns} (their order, such
 * as {@code ${steps.intake.outputs.columns}}; by default every key of the rows, sorted), {@code
 * title}, {@code steps} (the upstream steps to cite; by default every step of the run with a
 * succeeded result, this one excepted); every other input goes into the report's {@code data}
 * section. Outputs: {@code report} (the document), {@code json} (its canonical text) and {@code
 * jsonSha256}, {@code csv} and {@code csvSha256}, {@code rowCount}.
 */
@ApplicationScoped
public class ReportTool implements AgentTool {

  public static final String NAME = "report";
  static final String VERSION = "report/1";
  private static final Set<String> OWN_INPUTS = Set.of("rows", "columns", "title", "steps");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ToolResult execute(Map<String, Object> inputs, ToolContext context) {
    return assemble(inputs, context, VERSION);
  }

  /**
   * The report of {@code inputs} (as {@link #execute}), its provenance naming {@code toolVersion}:
   * for tools that shape their inputs into a report, such as {@code cbam.report}.
   */
  public static ToolResult assemble(
      Map<String, Object> inputs, ToolContext context, String toolVersion) {
    StepTask task = context.task();
    List<Map<String, Object>> rows = ReportCsv.rows(inputs.get("rows"));
    List<String> columns = ReportCsv.columns(inputs.get("columns"), rows);
    List<Map<String, Object>> sources = sources(inputs.get("steps"), context);

    Map<String, Object> data = new LinkedHashMap<>();
    inputs.forEach(
        (name, value) -> {
          if (!OWN_INPUTS.contains(name)) {
            data.put(name, value);
          }
        });
    String csv = ReportCsv.write(columns, rows);
    String csvSha256 = CanonicalJson.sha256Hex(csv);

    Map<String, Object> report = new LinkedHashMap<>();
    report.put(
        "title",
        inputs.get("title") == null
            ? task.pipelineRun() + " report"
            : inputs.get("title").toString());
    report.put("pipelineRun", task.pipelineRun());
    report.put("namespace", task.namespace());
    report.put("runUid", task.runUid());
    report.put("data", data);
    report.put("columns", columns);
    report.put("rows", rows);
    report.put("sources", sources);
    report.put("csvSha256", csvSha256);
    String json = CanonicalJson.write(report);
    String jsonSha256 = CanonicalJson.sha256Hex(json);

    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("report", report);
    outputs.put("json", json);
    outputs.put("jsonSha256", jsonSha256);
    outputs.put("csv", csv);
    outputs.put("csvSha256", csvSha256);
    outputs.put("rowCount", rows.size());

    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("tool", toolVersion);
    provenance.put("runUid", task.runUid());
    provenance.put("inputsSha256", CanonicalJson.sha256(inputs));
    provenance.put("sources", sources);
    provenance.put("jsonSha256", jsonSha256);
    provenance.put("csvSha256", csvSha256);
    return ToolResult.deterministic(outputs, provenance);
  }

  /** The cited upstream results: the named steps, or every succeeded step but this one. */
  private static List<Map<String, Object>> sources(Object stepsInput, ToolContext context) {
    List<StoredStepResult> succeeded = context.runHistory().succeededSteps();
    Map<String, StoredStepResult> byStep = new LinkedHashMap<>();
    succeeded.forEach(s -> byStep.put(s.result().step(), s));
    List<String> wanted;
    if (stepsInput == null) {
      wanted = new ArrayList<>(byStep.keySet());
      wanted.remove(context.task().step());
    } else {
      wanted = ReportCsv.names(stepsInput, "steps");
      List<String> missing = wanted.stream().filter(s -> !byStep.containsKey(s)).toList();
      if (!missing.isEmpty()) {
        throw new StepFailure(
            "MissingUpstreamResult",
            "input 'steps' names "
                + missing
                + ", which have no succeeded result in run "
                + context.task().runUid()
                + "; succeeded: "
                + byStep.keySet());
      }
    }
    List<Map<String, Object>> sources = new ArrayList<>();
    for (String step : wanted) {
      StoredStepResult stored = byStep.get(step);
      Map<String, Object> source = new LinkedHashMap<>();
      source.put("step", step);
      source.put("attempt", stored.result().attempt());
      source.put("taskId", stored.result().taskId());
      source.put("agent", stored.agent());
      source.put("tool", stored.tool());
      source.put("outputHash", stored.result().outputHash());
      source.put("provenanceHash", stored.result().provenanceHash());
      sources.add(source);
    }
    return sources;
  }
}
