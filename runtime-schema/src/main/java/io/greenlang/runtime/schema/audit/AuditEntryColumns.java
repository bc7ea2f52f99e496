package io.greenlang.runtime.schema.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The columns of {@code greenlang.audit_events} in one order, and an entry read from them. */
final class AuditEntryColumns {

  static final String SELECT =
      "SELECT id, tenant_id, sequence, recorded_at, actor, event_type, target, outcome, details,"
          + " previous_hash, hash FROM greenlang.audit_events";

  private AuditEntryColumns() {}

  static AuditEntry read(ResultSet row) throws SQLException {
    return new AuditEntry(
        row.getObject(1, UUID.class),
        row.getString(2),
        row.getLong(3),
        row.getObject(4, OffsetDateTime.class).toInstant(),
        row.getString(5),
        row.getString(6),
        row.getString(7),
        row.getString(8),
        row.getString(9),
        row.getString(10),
        row.getString(11));
  }
}
