package io.greenlang.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database created for one test (or one test application) and dropped by {@link #close()}, even
 * when connections to it are still open.
 */
public final class TestDatabase implements AutoCloseable {

  private final PostgresServer server;
  private final String name;
  private boolean dropped;

  TestDatabase(PostgresServer server, String name) {
    this.server = server;
    this.name = name;
  }

  /** The database name: {@code gl_test_} followed by a random suffix. */
  public String name() {
    return name;
  }

  /** The server holding the database, with the superuser credentials. */
  public PostgresServer server() {
    return server;
  }

  /** A credential-free JDBC URL of this database. */
  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  /** Opens a connection to this database as the server's superuser. */
  public Connection openConnection() throws SQLException {
    return server.openConnection(name);
  }

  /** Drops the database, terminating any session still connected to it. */
  @Override
  public synchronized void close() {
    if (dropped) {
      return;
    }
    try (Connection connection = server.openConnection();
        Statement statement = connection.createStatement()) {
      // FORCE: a test application may still hold pooled connections while it shuts down.
      statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
      dropped = true;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop test database " + name, e);
    }
  }

  @Override
  public String toString() {
    return "TestDatabase[" + jdbcUrl() + "]";
  }
}
