package io.greenlang.runtime.llm.usage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes usage records to {@code greenlang.llm_usage}. The tenant id is written explicitly, so the
 * same statement works as the tenant's login role (row-level security checks it against {@code
 * current_tenant()}) and as an owner role without a tenant.
 *
 * <p>By default a write returns once PostgreSQL has flushed it to disk. Without {@code
 * waitForFlush} the transaction sets {@code synchronous_commit} off for itself only: the write
 * returns before the WAL flush (several milliseconds on a busy disk), and a crash of the PostgreSQL
 * server, not of the runtime, can lose the last fraction of a second of records (PostgreSQL manual,
 * "Asynchronous Commit"); the Redis budget counters still hold their cost.
 */
public final class UsageRecorder {

  private static final String INSERT =
      "INSERT INTO greenlang.llm_usage (tenant_id, agent, request_id, attempt, operation, link,"
          + " endpoint, provider, model, input_tokens, output_tokens, tokens_estimated, cost_usd,"
          + " billed_usd, price_table_version, latency_ms, status, error_kind, error_message,"
          + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final DataSource dataSource;
  private final boolean waitForFlush;

  /** A recorder whose writes return once flushed to disk. */
  public UsageRecorder(DataSource dataSource) {
    this(dataSource, true);
  }

  public UsageRecorder(DataSource dataSource, boolean waitForFlush) {
    this.dataSource = dataSource;
    this.waitForFlush = waitForFlush;
  }

  /** Writes one record. */
  public void record(UsageRecord record) throws SQLException {
    recordAll(List.of(record));
  }

  /** Writes records in one batch and one transaction. */
  public void recordAll(List<UsageRecord> records) throws SQLException {
    if (records.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      boolean transaction = records.size() > 1 || !waitForFlush;
      connection.setAutoCommit(!transaction);
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        if (!waitForFlush) {
          try (Statement local = connection.createStatement()) {
            local.execute("SET LOCAL synchronous_commit TO OFF");
          }
        }
        for (UsageRecord record : records) {
          bind(insert, record);
          insert.addBatch();
        }
        insert.executeBatch();
        if (transaction) {
          connection.commit();
        }
      } catch (SQLException e) {
        if (transaction) {
          connection.rollback();
        }
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private static void bind(PreparedStatement insert, UsageRecord record) throws SQLException {
    insert.setString(1, record.tenant());
    insert.setString(2, record.agent());
    insert.setObject(3, record.requestId());
    insert.setInt(4, record.attempt());
    insert.setString(5, record.operation());
    insert.setString(6, record.link());
    insert.setString(7, record.endpoint());
    insert.setString(8, record.provider());
    insert.setString(9, record.model());
    insert.setLong(10, record.inputTokens());
    insert.setLong(11, record.outputTokens());
    insert.setBoolean(12, record.tokensEstimated());
    insert.setBigDecimal(13, record.cost());
    insert.setBigDecimal(14, record.billed());
    setNullable(insert, 15, record.priceTableVersion());
    insert.setLong(16, record.latency().toMillis());
    insert.setString(17, record.status());
    setNullable(insert, 18, record.errorKind());
    setNullable(insert, 19, record.errorMessage());
    insert.setTimestamp(20, Timestamp.from(record.createdAt()));
  }

  private static void setNullable(PreparedStatement insert, int index, String value)
      throws SQLException {
    if (value == null) {
      insert.setNull(index, Types.VARCHAR);
    } else {
      insert.setString(index, value);
    }
  }
}
