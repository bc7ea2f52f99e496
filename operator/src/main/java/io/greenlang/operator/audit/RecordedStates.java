package io.greenlang.operator.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@code greenlang.audit_recorded_states} (V12): what the operator last recorded about a subject of
 * a tenant, and the sequence of the entry that recorded it. Read with a row lock and written in the
 * transaction that appends the events, so state and chain never disagree.
 */
final class RecordedStates {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A recorded state and the chain entry that recorded it last. */
  record Recorded(ObjectNode state, long lastSequence) {}

  private RecordedStates() {}

  /** The recorded state, locked until the transaction ends; empty when none is. */
  static Optional<Recorded> lock(Connection admin, String tenant, String subject)
      throws SQLException {
    try (PreparedStatement select =
        admin.prepareStatement(
            "SELECT state::text, last_sequence FROM greenlang.audit_recorded_states"
                + " WHERE tenant = ? AND subject = ? FOR UPDATE")) {
      select.setString(1, tenant);
      select.setString(2, subject);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Recorded((ObjectNode) JSON.readTree(row.getString(1)), row.getLong(2)));
      }
    } catch (JsonProcessingException e) {
      throw new SQLException("Unreadable recorded audit state of " + subject, e);
    }
  }

  static void save(
      Connection admin, String tenant, String subject, ObjectNode state, long lastSequence)
      throws SQLException {
    try (PreparedStatement upsert =
        admin.prepareStatement(
            "INSERT INTO greenlang.audit_recorded_states (tenant, subject, state, last_sequence)"
                + " VALUES (?, ?, ?::jsonb, ?) ON CONFLICT (tenant, subject) DO UPDATE SET"
                + " state = EXCLUDED.state, last_sequence = EXCLUDED.last_sequence,"
                + " updated_at = clock_timestamp()")) {
      upsert.setString(1, tenant);
      upsert.setString(2, subject);
      upsert.setString(3, state.toString());
      upsert.setLong(4, lastSequence);
      upsert.executeUpdate();
    }
  }
}
