package io.greenlang.runtime.schema;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs a group of administrative statements atomically on the caller's connection: in a transaction
 * of its own when the connection is in auto-commit mode, otherwise inside the caller's transaction,
 * which the caller then commits or rolls back.
 */
final class AdminTransaction {

  /** Work done on the admin connection. */
  @FunctionalInterface
  interface Work {
    void run(Connection admin) throws SQLException;
  }

  private AdminTransaction() {}

  static void run(Connection admin, Work work) throws SQLException {
    if (!admin.getAutoCommit()) {
      work.run(admin);
      return;
    }
    admin.setAutoCommit(false);
    try {
      work.run(admin);
      admin.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        admin.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    } finally {
      admin.setAutoCommit(true);
    }
  }
}
