package io.greenlang.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A run's rows of {@code greenlang.step_results}, read as the server's administrator. */
final class StoredResults {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredResults() {}

  /** One stored result: a step attempt (or its compensation) as the worker stored it. */
  record Row(
      String step,
      int attempt,
      boolean compensation,
      String outcome,
      JsonNode outputs,
      String provenanceHash,
      String worker,
      Instant completedAt) {

    BigDecimal decimal(String output) {
      return new BigDecimal(outputs.get(output).asText());
    }
  }

  static List<Row> of(Connection connection, String runUid) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT step, attempt, compensation, outcome, outputs::text, provenance_hash, worker,"
                + " completed_at FROM greenlang.step_results WHERE run_uid = ?"
                + " ORDER BY completed_at, step")) {
      select.setString(1, runUid);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          rows.add(
              new Row(
                  row.getString(1),
                  row.getInt(2),
                  row.getBoolean(3),
                  row.getString(4),
                  JSON.readTree(row.getString(5)),
                  row.getString(6),
                  row.getString(7),
                  row.getTimestamp(8).toInstant()));
        }
      }
    }
    return rows;
  }

  static Row succeeded(List<Row> rows, String step) {
    return rows.stream()
        .filter(r -> r.step().equals(step) && !r.compensation() && r.outcome().equals("SUCCEEDED"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no succeeded result of step " + step + ": " + rows));
  }
}
