package io.greenlang.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL server tests use: the one named by {@value #URL_VARIABLE} when that is set,
 * otherwise an embedded PostgreSQL started once per JVM and stopped when the JVM exits.
 */
public final class TestPostgres {

  /**
   * Environment variable holding a JDBC URL with credentials, e.g. {@code
   * jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}.
   */
  public static final String URL_VARIABLE = "GL_POSTGRES_URL";

  /** Prefix of every database {@link #createDatabase()} creates, so leftovers are recognisable. */
  public static final String DATABASE_PREFIX = "gl_test_";

  private static final String EMBEDDED_SUPERUSER = "postgres";

  private static PostgresServer server;

  private TestPostgres() {}

  /** The server, starting the embedded one on first use when no URL is configured. */
  public static synchronized PostgresServer server() {
    if (server == null) {
      String url = System.getenv(URL_VARIABLE);
      server =
          url == null || url.isBlank() ? startEmbedded() : PostgresServer.fromJdbcUrl(url.strip());
    }
    return server;
  }

  /** Creates a new, uniquely named, empty database; close it to drop it. */
  public static TestDatabase createDatabase() {
    PostgresServer target = server();
    String name = DATABASE_PREFIX + randomSuffix();
    try (Connection connection = target.openConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE \"" + name + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not create test database " + name + " on " + target, e);
    }
    return new TestDatabase(target, name);
  }

  private static String randomSuffix() {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static PostgresServer startEmbedded() {
    if (ProcessOwner.isRoot()) {
      // initdb refuses to run as root; say what to do instead of surfacing its exit code.
      throw new IllegalStateException(
          "Cannot start an embedded PostgreSQL: this process runs as root and initdb refuses to."
              + " Point the tests at a running server instead, e.g. "
              + URL_VARIABLE
              + "=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    }
    EmbeddedPostgres embedded;
    try {
      embedded = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start an embedded PostgreSQL; set "
              + URL_VARIABLE
              + " to use a running server instead",
          e);
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> closeQuietly(embedded), "gl-test-postgres-stop"));
    return new PostgresServer(
        "localhost", embedded.getPort(), "postgres", EMBEDDED_SUPERUSER, null);
  }

  private static void closeQuietly(EmbeddedPostgres embedded) {
    try {
      embedded.close();
    } catch (IOException e) {
      // The JVM is exiting; the data directory is temporary and the process dies with us anyway.
      System.err.println("Embedded PostgreSQL did not stop cleanly: " + e);
    }
  }
}
