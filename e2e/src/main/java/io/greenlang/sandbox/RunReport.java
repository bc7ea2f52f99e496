package io.greenlang.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.testsupport.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a PipelineRun's workers stored: the succeeded result of each step (its last succeeded
 * attempt) from {@code greenlang.step_results} in the tenant's database, and the files the sandbox
 * writes from them: the report step's JSON and CSV exactly as stored (so their SHA-256 are the
 * hashes the report cites) and a provenance file with every step's provenance and the run's root
 * hash.
 */
public final class RunReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One stored step result. */
  public record StepRecord(
      String step, int attempt, JsonNode outputs, JsonNode provenance, String provenanceHash) {}

  /** The files written. */
  public record ReportFiles(Path json, Path csv, Path provenance) {}

  private final PipelineRun run;
  private final Map<String, StepRecord> steps;

  private RunReport(PipelineRun run, Map<String, StepRecord> steps) {
    this.run = run;
    this.steps = steps;
  }

  /**
   * Reads the run's succeeded step results as the server's administrator (row-level security does
   * not apply to it) from the tenant's database.
   */
  public static RunReport read(PostgresServer server, String database, PipelineRun run)
      throws SQLException, IOException {
    Map<String, StepRecord> steps = new LinkedHashMap<>();
    try (Connection connection = server.openConnection(database);
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT step, attempt, outputs::text, provenance::text, provenance_hash"
                    + " FROM greenlang.step_results WHERE run_uid = ? AND NOT compensation"
                    + " AND outcome = 'SUCCEEDED' ORDER BY completed_at, attempt")) {
      select.setString(1, run.getMetadata().getUid());
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          String provenance = row.getString(4);
          steps.put(
              row.getString(1),
              new StepRecord(
                  row.getString(1),
                  row.getInt(2),
                  JSON.readTree(row.getString(3)),
                  provenance == null ? null : JSON.readTree(provenance),
                  row.getString(5)));
        }
      }
    }
    return new RunReport(run, steps);
  }

  public Map<String, StepRecord> steps() {
    return steps;
  }

  /** An output of a step, as text (decimals exactly as stored). */
  public Optional<String> output(String step, String output) {
    return Optional.ofNullable(steps.get(step))
        .map(s -> s.outputs().get(output))
        .filter(n -> !n.isNull())
        .map(n -> n.isValueNode() ? n.asText() : n.toString());
  }

  /**
   * Writes {@code report.json} and {@code report.csv} of the step {@code reportStep} (its outputs
   * {@code json} and {@code csv}) and {@code provenance.json} into {@code folder}.
   */
  public ReportFiles write(String reportStep, Path folder) throws IOException {
    StepRecord report = steps.get(reportStep);
    if (report == null || !report.outputs().has("json") || !report.outputs().has("csv")) {
      throw new IllegalStateException(
          "step " + reportStep + " stored no report (outputs json and csv)");
    }
    Files.createDirectories(folder);
    Path json = folder.resolve("report.json");
    Path csv = folder.resolve("report.csv");
    Path provenance = folder.resolve("provenance.json");
    Files.writeString(json, report.outputs().get("json").asText(), StandardCharsets.UTF_8);
    Files.writeString(csv, report.outputs().get("csv").asText(), StandardCharsets.UTF_8);
    ObjectNode chain = JSON.createObjectNode();
    chain.put("pipelineRun", run.getMetadata().getNamespace() + "/" + run.getMetadata().getName());
    chain.put("runUid", run.getMetadata().getUid());
    chain.put(
        "provenanceRootHash",
        run.getStatus() == null ? null : run.getStatus().getProvenanceRootHash());
    ArrayNode list = chain.putArray("steps");
    for (StepRecord step : steps.values()) {
      ObjectNode entry = list.addObject();
      entry.put("step", step.step());
      entry.put("attempt", step.attempt());
      entry.put("provenanceHash", step.provenanceHash());
      entry.set("provenance", step.provenance());
    }
    Files.writeString(
        provenance,
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(chain),
        StandardCharsets.UTF_8);
    return new ReportFiles(json, csv, provenance);
  }
}
