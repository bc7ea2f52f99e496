package io.greenlang.runtime.worker.tools.cbam;

import io.greenlang.runtime.worker.AgentTool;
import io.greenlang.runtime.worker.ToolContext;
import io.greenlang.runtime.worker.ToolResult;
import io.greenlang.runtime.worker.tools.ReportTool;
import io.greenlang.runtime.worker.tools.ToolInputs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cbam.report}: the CBAM report of a run as JSON and CSV, through the {@code report} tool:
 * one CSV line per import line in a fixed column order (with each line's result hash), the totals
 * and the obligation in the document's data, and every upstream step cited with the output and
 * provenance hashes of its stored result.
 */
@ApplicationScoped
public class CbamReportTool implements AgentTool {

  public static final String NAME = "cbam.report";
  static final String VERSION = NAME + "/1";

  /** The CSV's columns: what identifies a line, then its figures, then its result hash. */
  static final List<String> COLUMNS =
      List.of(
          "lineId",
          "cnCode",
          "countryOfOrigin",
          "method",
          "countedEmissions",
          "netMassTonnes",
          "seeDirect",
          "seeIndirect",
          "embeddedDirectTonnes",
          "embeddedIndirectTonnes",
          "embeddedTotalTonnes",
          "countedTonnes",
          "freeAllocationBasisTonnes",
          "resultHash");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ToolResult execute(Map<String, Object> inputs, ToolContext context) {
    ToolInputs in = ToolInputs.of(inputs);
    List<ToolInputs> lines = in.objects("lines");
    for (ToolInputs line : lines) {
      line.text("lineId");
    }
    if (in.has("totals")) {
      in.object("totals");
    }
    if (in.has("obligation")) {
      in.object("obligation");
    }
    Map<String, Object> report = new LinkedHashMap<>(inputs);
    report.put("rows", in.list("lines"));
    report.remove("lines");
    report.put("columns", COLUMNS);
    if (!in.has("title")) {
      String period =
          (in.optionalText("year").orElse("") + " " + in.optionalText("quarter").orElse(""))
              .strip();
      report.put("title", period.isEmpty() ? "CBAM report" : "CBAM report " + period);
    }
    for (String structured : List.of("totals", "obligation")) {
      if (in.has(structured)) {
        report.put(structured, in.object(structured));
      }
    }
    return ReportTool.assemble(report, context, VERSION);
  }
}
