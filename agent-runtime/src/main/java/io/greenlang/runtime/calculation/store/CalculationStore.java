package io.greenlang.runtime.calculation.store;

import io.greenlang.runtime.calculation.batch.ResultRecord;
import io.greenlang.runtime.calculation.batch.ResultSink;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Calculation runs and results in PostgreSQL ({@code greenlang.calculation_runs} and {@code
 * calculation_results}, migration V8), on a connection acting for the tenant. Results are written
 * in chunks as a run produces them and the run row last, all in the caller's transaction.
 */
public final class CalculationStore {

  /** Results written per INSERT statement. */
  static final int CHUNK = 1000;

  private static final String RESULT_COLUMNS =
      "sequence, source_row, formula, result_hash, previous_hash, chain_hash, provenance";

  private final Connection connection;

  public CalculationStore(Connection connection) {
    this.connection = connection;
  }

  /** A sink writing the results of run {@code runId}; {@link Sink#flush()} it at the end. */
  public Sink sink(UUID runId) {
    return new Sink(runId);
  }

  /** Buffers results and writes each chunk with one INSERT over arrays. */
  public final class Sink implements ResultSink {
    private final UUID runId;
    private final List<ResultRecord> buffer = new ArrayList<>(CHUNK);

    private Sink(UUID runId) {
      this.runId = runId;
    }

    @Override
    public void accept(ResultRecord record) {
      buffer.add(record);
      if (buffer.size() == CHUNK) {
        flush();
      }
    }

    /** Writes what is buffered. */
    public void flush() {
      if (buffer.isEmpty()) {
        return;
      }
      int size = buffer.size();
      Long[] sequences = new Long[size];
      Long[] sourceRows = new Long[size];
      String[][] texts = new String[5][size];
      for (int i = 0; i < size; i++) {
        ResultRecord record = buffer.get(i);
        sequences[i] = record.sequence();
        sourceRows[i] = record.sourceRow();
        texts[0][i] = record.formula();
        texts[1][i] = record.resultHash();
        texts[2][i] = record.previousHash();
        texts[3][i] = record.chainHash();
        texts[4][i] = record.provenance();
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO greenlang.calculation_results (run_id, "
                  + RESULT_COLUMNS
                  + ") SELECT ?, * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[],"
                  + " ?::text[], ?::text[], ?::text[])")) {
        insert.setObject(1, runId);
        List<Array> arrays = new ArrayList<>();
        arrays.add(connection.createArrayOf("bigint", sequences));
        arrays.add(connection.createArrayOf("bigint", sourceRows));
        for (String[] column : texts) {
          arrays.add(connection.createArrayOf("text", column));
        }
        for (int i = 0; i < arrays.size(); i++) {
          insert.setArray(i + 2, arrays.get(i));
        }
        insert.executeUpdate();
        for (Array array : arrays) {
          array.free();
        }
      } catch (SQLException e) {
        throw new DatabaseException("could not store the results of run " + runId, e);
      }
      buffer.clear();
    }
  }

  /** Writes the run row; after its results, in the same transaction. */
  public void insertRun(StoredRun run) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO greenlang.calculation_runs (run_id, formula, mode, row_count,"
                + " result_count, error_count, root_hash, totals, errors, code_version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)")) {
      insert.setObject(1, run.runId());
      insert.setString(2, run.formula());
      insert.setString(3, run.mode());
      insert.setLong(4, run.rows());
      insert.setLong(5, run.results());
      insert.setLong(6, run.errors());
      insert.setString(7, run.rootHash());
      insert.setString(8, run.totalsJson());
      insert.setString(9, run.errorsJson());
      insert.setString(10, run.codeVersion());
      insert.executeUpdate();
    }
  }

  public Optional<StoredRun> run(UUID runId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT run_id, formula, mode, row_count, result_count, error_count, root_hash,"
                + " totals::text, errors::text, code_version, created_at"
                + " FROM greenlang.calculation_runs WHERE run_id = ?")) {
      query.setObject(1, runId);
      try (ResultSet result = query.executeQuery()) {
        if (!result.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new StoredRun(
                result.getObject(1, UUID.class),
                result.getString(2),
                result.getString(3),
                result.getLong(4),
                result.getLong(5),
                result.getLong(6),
                result.getString(7),
                result.getString(8),
                result.getString(9),
                result.getString(10),
                result.getObject(11, OffsetDateTime.class)));
      }
    }
  }

  /** The run's results from {@code offset} (0-based), at most {@code limit}, in chain order. */
  public List<ResultRecord> results(UUID runId, long offset, int limit) throws SQLException {
    List<ResultRecord> results = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + RESULT_COLUMNS
                + " FROM greenlang.calculation_results"
                + " WHERE run_id = ? AND sequence > ? ORDER BY sequence LIMIT ?")) {
      query.setObject(1, runId);
      query.setLong(2, offset);
      query.setInt(3, limit);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          results.add(record(result));
        }
      }
    }
    return results;
  }

  public Optional<ResultRecord> result(UUID runId, long sequence) throws SQLException {
    List<ResultRecord> one = results(runId, sequence - 1, 1);
    return one.isEmpty() || one.get(0).sequence() != sequence
        ? Optional.empty()
        : Optional.of(one.get(0));
  }

  /** Streams every result of the run in chain order, without holding them all in memory. */
  public void forEachResult(UUID runId, Consumer<ResultRecord> consumer) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + RESULT_COLUMNS
                + " FROM greenlang.calculation_results"
                + " WHERE run_id = ? ORDER BY sequence")) {
      // A fetch size streams rows inside the (non-auto-commit) transaction.
      query.setFetchSize(1000);
      query.setObject(1, runId);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          consumer.accept(record(result));
        }
      }
    }
  }

  private static ResultRecord record(ResultSet result) throws SQLException {
    long sourceRow = result.getLong(2);
    Long source = result.wasNull() ? null : sourceRow;
    return new ResultRecord(
        result.getLong(1),
        source,
        result.getString(3),
        result.getString(4),
        result.getString(5),
        result.getString(6),
        result.getString(7));
  }
}
