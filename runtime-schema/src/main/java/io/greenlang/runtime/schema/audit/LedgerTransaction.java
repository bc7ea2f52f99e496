package io.greenlang.runtime.schema.audit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs ledger work atomically on the caller's connection: in a transaction of its own when the
 * connection is in auto-commit mode, otherwise inside the caller's transaction (which then holds
 * the chain head's lock until the caller commits).
 */
final class LedgerTransaction {

  /** Work done on the connection, returning a result. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private LedgerTransaction() {}

  static <T> T run(Connection connection, Work<T> work) throws SQLException {
    if (!connection.getAutoCommit()) {
      return work.run(connection);
    }
    connection.setAutoCommit(false);
    try {
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /**
   * Runs read-only work in one snapshot (REPEATABLE READ) when the connection is in auto-commit
   * mode, so a chain and its head are read as of one moment; otherwise in the caller's transaction.
   */
  static <T> T readSnapshot(Connection connection, Work<T> work) throws SQLException {
    if (!connection.getAutoCommit()) {
      return work.run(connection);
    }
    int isolation = connection.getTransactionIsolation();
    connection.setAutoCommit(false);
    try {
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      return work.run(connection);
    } finally {
      try {
        connection.rollback();
      } finally {
        connection.setTransactionIsolation(isolation);
        connection.setAutoCommit(true);
      }
    }
  }
}
