package io.greenlang.runtime.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.audit.AuditRecorder;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Step results in {@code greenlang.step_results}, stored once per idempotency key (tenant, run uid,
 * step, attempt, compensation): {@link #storeOnce} inserts with {@code ON CONFLICT DO NOTHING} and
 * returns whatever row holds the key afterwards, so every worker that ever handles a task publishes
 * the same result. The table is append-only and under row-level security (V9__step_results.sql).
 * The insert that stores a result appends its {@code agent.executed} audit event in the same
 * transaction ({@link StepAudit}), so each stored result is in the tenant's chain exactly once.
 */
public final class StepResultStore {

  private static final TypeReference<Map<String, Object>> OUTPUTS = new TypeReference<>() {};

  private static final String COLUMNS =
      "task_id, step, attempt, compensation, outcome, outputs::text, output_hash,"
          + " provenance_hash, tokens, cost_usd, reason, message, worker, started_at,"
          + " completed_at, agent, tool, provenance::text";

  private static final String KEY =
      "tenant_id = ? AND run_uid = ? AND step = ? AND attempt = ? AND compensation = ?";

  private final DataSource dataSource;
  private final AuditRecorder audit;

  /**
   * @param dataSource connected as the tenant's login role
   * @param audit where the {@code agent.executed} events of stored results are appended
   */
  public StepResultStore(DataSource dataSource, AuditRecorder audit) {
    this.dataSource = dataSource;
    this.audit = audit;
  }

  /** The stored result of the task's attempt, if any. */
  public Optional<StoredStepResult> find(StepTask task) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM greenlang.step_results WHERE " + KEY)) {
      bindKey(select, 1, task);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(read(row)) : Optional.empty();
      }
    }
  }

  /**
   * Stores {@code result} for the task unless a result is stored for its key already, and returns
   * the stored one: {@code result} as the database holds it, or the earlier one. Storing appends
   * the result's {@code agent.executed} event in the same transaction; finding an earlier result
   * appends nothing.
   */
  public StoredStepResult storeOnce(StepTask task, StoredStepResult result) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        StoredStepResult stored = insert(connection, task, result);
        if (stored != null) {
          // Last in the transaction: the append holds the tenant's chain head until the commit.
          audit.append(connection, StepAudit.executed(task, stored));
        } else {
          stored = existing(connection, task);
        }
        connection.commit();
        return stored;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  /** Inserts the result and returns it as stored, or null when the key holds a result already. */
  private static StoredStepResult insert(
      Connection connection, StepTask task, StoredStepResult result) throws SQLException {
    StepResult r = result.result();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO greenlang.step_results (tenant_id, run_uid, step, attempt,"
                + " compensation, task_id, namespace, pipeline_run, agent, tool, outcome,"
                + " outputs, output_hash, provenance, provenance_hash, tokens, cost_usd, reason,"
                + " message, worker, started_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (tenant_id, run_uid, step, attempt, compensation) DO NOTHING"
                + " RETURNING "
                + COLUMNS)) {
      int i = bindKey(insert, 1, task);
      insert.setString(i++, task.taskId());
      insert.setString(i++, task.namespace());
      insert.setString(i++, task.pipelineRun());
      insert.setString(i++, result.agent());
      insert.setString(i++, result.tool());
      insert.setString(i++, r.outcome().name());
      insert.setString(i++, CanonicalJson.write(r.outputs() == null ? Map.of() : r.outputs()));
      insert.setString(i++, r.outputHash());
      insert.setString(
          i++, result.provenance() == null ? null : CanonicalJson.write(result.provenance()));
      insert.setString(i++, r.provenanceHash());
      insert.setLong(i++, r.tokens());
      insert.setBigDecimal(
          i++, r.costUsd() == null ? BigDecimal.ZERO : new BigDecimal(r.costUsd()));
      insert.setString(i++, r.reason());
      insert.setString(i++, r.message());
      insert.setString(i++, r.worker());
      insert.setTimestamp(i++, Timestamp.from(Instant.ofEpochMilli(r.startedEpochMillis())));
      insert.setTimestamp(i, Timestamp.from(Instant.ofEpochMilli(r.completedEpochMillis())));
      try (ResultSet row = insert.executeQuery()) {
        return row.next() ? read(row) : null;
      }
    }
  }

  /** The result stored earlier for the task's key. */
  private static StoredStepResult existing(Connection connection, StepTask task)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM greenlang.step_results WHERE " + KEY)) {
      bindKey(select, 1, task);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          // Conflict without a visible row: only row-level security can hide it.
          throw new SQLException(
              "The result of task "
                  + task.taskId()
                  + " conflicts with a stored row this role cannot read; is the runtime"
                  + " connected as the login role of tenant "
                  + task.tenant()
                  + "?");
        }
        return read(row);
      }
    }
  }

  /** The latest succeeded attempt of every non-compensation step of the run, by step name. */
  public List<StoredStepResult> succeededSteps(String tenant, String runUid) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT DISTINCT ON (step) "
                    + COLUMNS
                    + " FROM greenlang.step_results WHERE tenant_id = ? AND run_uid = ?"
                    + " AND outcome = 'SUCCEEDED' AND NOT compensation"
                    + " ORDER BY step, attempt DESC")) {
      select.setString(1, tenant);
      select.setString(2, runUid);
      List<StoredStepResult> results = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          results.add(read(rows));
        }
      }
      return results;
    }
  }

  private static int bindKey(PreparedStatement statement, int first, StepTask task)
      throws SQLException {
    int i = first;
    statement.setString(i++, task.tenant());
    statement.setString(i++, task.runUid());
    statement.setString(i++, task.step());
    statement.setInt(i++, task.attempt());
    statement.setBoolean(i++, task.compensation());
    return i;
  }

  private static StoredStepResult read(ResultSet row) throws SQLException {
    try {
      Map<String, Object> outputs = CanonicalJson.MAPPER.readValue(row.getString(6), OUTPUTS);
      String provenance = row.getString(18);
      JsonNode provenanceRecord =
          provenance == null ? null : CanonicalJson.MAPPER.readTree(provenance);
      StepResult result =
          new StepResult(
              row.getString(1),
              row.getString(2),
              row.getInt(3),
              row.getBoolean(4),
              StepResult.Outcome.valueOf(row.getString(5)),
              outputs,
              row.getString(7),
              row.getString(8),
              row.getLong(9),
              row.getBigDecimal(10).toPlainString(),
              row.getString(11),
              row.getString(12),
              row.getString(13),
              row.getTimestamp(14).toInstant().toEpochMilli(),
              row.getTimestamp(15).toInstant().toEpochMilli());
      return new StoredStepResult(row.getString(16), row.getString(17), provenanceRecord, result);
    } catch (JsonProcessingException e) {
      throw new SQLException("Unreadable stored result of task " + row.getString(1), e);
    }
  }
}
