package io.greenlang.runtime.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.runtime.worker.CanonicalJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Long-term (episodic) memory of one agent in {@code greenlang.memory_entries}, a tenant-owned
 * table under row-level security: connected as the tenant's login role, the runtime sees and writes
 * only its tenant's rows whatever it asks for. Pruned by age ({@code longTermRetentionDays}) and
 * capacity (the newest {@code longTermMaxEntries} of the agent are kept) after every write and by
 * {@link MemoryPruning} periodically.
 */
public final class LongTermMemory {

  /** Largest entry accepted, in characters of JSON. */
  public static final int MAX_ENTRY_CHARS = 256 * 1024;

  private static final String COLUMNS = "id, conversation, content::text, created_at";

  private final DataSource dataSource;
  private final String tenant;
  private final String agent;
  private final MemoryLimits limits;

  public LongTermMemory(DataSource dataSource, String tenant, String agent, MemoryLimits limits) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.agent = Objects.requireNonNull(agent, "agent");
    this.limits = limits;
  }

  /** What one pruning pass deleted. */
  public record PruneResult(int expired, int overCapacity) {}

  /** Records an episode; see {@link MemoryStore#record}. */
  public Optional<MemoryEntry> record(String conversation, JsonNode content) {
    if (conversation != null) {
      ConversationId.requireValid(conversation);
    }
    Objects.requireNonNull(content, "content");
    if (!limits.longTermEnabled()) {
      return Optional.empty();
    }
    String json = requireSize(content);
    try (Connection connection = dataSource.getConnection()) {
      MemoryEntry entry = insert(connection, conversation, json);
      prune(connection);
      return Optional.of(entry);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not record long-term memory of agent " + agent + ": " + e.getMessage(), e);
    }
  }

  /**
   * Records an episode unless the agent has one holding {@code identity}; see {@link
   * MemoryStore#recordOnce}.
   */
  public Optional<MemoryEntry> recordOnce(
      String conversation, JsonNode content, JsonNode identity) {
    if (conversation != null) {
      ConversationId.requireValid(conversation);
    }
    Objects.requireNonNull(content, "content");
    if (identity == null || !identity.isObject() || identity.isEmpty()) {
      throw new IllegalArgumentException("identity must be a non-empty JSON object");
    }
    identity
        .properties()
        .forEach(
            member -> {
              if (!member.getValue().equals(content.get(member.getKey()))) {
                throw new IllegalArgumentException(
                    "content must hold the identity's member '" + member.getKey() + "' as is");
              }
            });
    if (!limits.longTermEnabled()) {
      return Optional.empty();
    }
    String json = requireSize(content);
    String identityJson = CanonicalJson.write(identity);
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        // One writer per identity at a time, so two runs of one task cannot both insert.
        try (PreparedStatement lock =
            connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtextextended("
                    + "'greenlang.memory_entries/' || ? || '/' || ? || '/' || ?, 0))")) {
          lock.setString(1, tenant);
          lock.setString(2, agent);
          lock.setString(3, identityJson);
          lock.execute();
        }
        Optional<MemoryEntry> existing = containing(connection, identityJson);
        MemoryEntry entry;
        if (existing.isPresent()) {
          entry = existing.get();
        } else {
          entry = insert(connection, conversation, json);
          prune(connection);
        }
        connection.commit();
        return Optional.of(entry);
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not record long-term memory of agent " + agent + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes the agent's entry {@code id}.
   *
   * @return whether there was such an entry (false when it is absent: forgotten, pruned, or never
   *     the agent's)
   */
  public boolean delete(long id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM greenlang.memory_entries WHERE tenant_id = ? AND agent = ? AND id = ?")) {
      delete.setString(1, tenant);
      delete.setString(2, agent);
      delete.setLong(3, id);
      return delete.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not delete long-term memory entry "
              + id
              + " of agent "
              + agent
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private Optional<MemoryEntry> containing(Connection connection, String identityJson)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM greenlang.memory_entries WHERE tenant_id = ? AND agent = ?"
                + " AND content @> ?::jsonb ORDER BY id LIMIT 1")) {
      select.setString(1, tenant);
      select.setString(2, agent);
      select.setString(3, identityJson);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(entry(row)) : Optional.empty();
      }
    }
  }

  private MemoryEntry insert(Connection connection, String conversation, String json)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO greenlang.memory_entries (tenant_id, agent, conversation, content)"
                + " VALUES (?, ?, ?, ?::jsonb) RETURNING "
                + COLUMNS)) {
      insert.setString(1, tenant);
      insert.setString(2, agent);
      insert.setString(3, conversation);
      insert.setString(4, json);
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return entry(row);
      }
    }
  }

  private static String requireSize(JsonNode content) {
    String json = CanonicalJson.write(content);
    if (json.length() > MAX_ENTRY_CHARS) {
      throw new IllegalArgumentException(
          "content of the long-term memory entry is "
              + json.length()
              + " characters of JSON; at most "
              + MAX_ENTRY_CHARS
              + " are kept");
    }
    return json;
  }

  /** The newest entries, newest first; see {@link MemoryStore#recall}. */
  public List<MemoryEntry> recall(String conversation, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    if (conversation != null) {
      ConversationId.requireValid(conversation);
    }
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM greenlang.memory_entries WHERE tenant_id = ? AND agent = ?"
            + (conversation == null ? "" : " AND conversation = ?")
            + " ORDER BY created_at DESC, id DESC LIMIT ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      int index = 1;
      select.setString(index++, tenant);
      select.setString(index++, agent);
      if (conversation != null) {
        select.setString(index++, conversation);
      }
      select.setInt(index, limit);
      List<MemoryEntry> entries = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          entries.add(entry(rows));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not read long-term memory of agent " + agent + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the agent's entries past the retention period and beyond the capacity. */
  public PruneResult prune() {
    try (Connection connection = dataSource.getConnection()) {
      return prune(connection);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not prune long-term memory of agent " + agent + ": " + e.getMessage(), e);
    }
  }

  private PruneResult prune(Connection connection) throws SQLException {
    int expired;
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM greenlang.memory_entries WHERE tenant_id = ? AND agent = ?"
                + " AND created_at < now() - make_interval(secs => ?)")) {
      delete.setString(1, tenant);
      delete.setString(2, agent);
      delete.setLong(3, limits.longTermRetention().toSeconds());
      expired = delete.executeUpdate();
    }
    int overCapacity;
    if (limits.longTermMaxEntries() == 0) {
      try (PreparedStatement delete =
          connection.prepareStatement(
              "DELETE FROM greenlang.memory_entries WHERE tenant_id = ? AND agent = ?")) {
        delete.setString(1, tenant);
        delete.setString(2, agent);
        overCapacity = delete.executeUpdate();
      }
    } else {
      // Everything older than the newest longTermMaxEntries-th entry of the agent; nothing when
      // there are fewer (the row comparison with no row is NULL).
      try (PreparedStatement delete =
          connection.prepareStatement(
              "DELETE FROM greenlang.memory_entries WHERE tenant_id = ? AND agent = ?"
                  + " AND (created_at, id) < (SELECT created_at, id FROM greenlang.memory_entries"
                  + " WHERE tenant_id = ? AND agent = ? ORDER BY created_at DESC, id DESC"
                  + " OFFSET ? LIMIT 1)")) {
        delete.setString(1, tenant);
        delete.setString(2, agent);
        delete.setString(3, tenant);
        delete.setString(4, agent);
        delete.setInt(5, limits.longTermMaxEntries() - 1);
        overCapacity = delete.executeUpdate();
      }
    }
    return new PruneResult(expired, overCapacity);
  }

  private static MemoryEntry entry(ResultSet row) throws SQLException {
    try {
      return new MemoryEntry(
          row.getLong(1),
          row.getString(2),
          CanonicalJson.MAPPER.readTree(row.getString(3)),
          row.getTimestamp(4).toInstant());
    } catch (JsonProcessingException e) {
      throw new SQLException("Unreadable memory entry " + row.getLong(1), e);
    }
  }
}
