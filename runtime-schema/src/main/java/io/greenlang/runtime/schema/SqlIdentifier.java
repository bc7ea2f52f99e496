package io.greenlang.runtime.schema;

import java.sql.SQLException;
import org.postgresql.core.Utils;

/** Quotes a PostgreSQL identifier (role, database or table name) with the driver's own escaping. */
final class SqlIdentifier {

  private SqlIdentifier() {}

  /**
   * @throws SQLException when the identifier contains a NUL character, which PostgreSQL cannot hold
   */
  static String quote(String identifier) throws SQLException {
    return Utils.escapeIdentifier(null, identifier).toString();
  }

  /** For compile-time constants known to be free of NUL characters. */
  static String quoteUnchecked(String constant) {
    try {
      return quote(constant);
    } catch (SQLException e) {
      throw new IllegalArgumentException("Not a valid identifier: " + constant, e);
    }
  }
}
