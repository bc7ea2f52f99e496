package io.greenlang.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * Where a test PostgreSQL server listens and how to log in to it as a superuser.
 *
 * <p>{@link #jdbcUrl(String)} never carries credentials, so URLs can appear in test output; pass
 * {@link #username()} and {@link #password()} separately.
 *
 * @param host host name or address
 * @param port TCP port
 * @param maintenanceDatabase the database to connect to for server-wide statements such as {@code
 *     CREATE DATABASE}
 * @param username a superuser (or a role with {@code CREATEDB})
 * @param password its password, or {@code null} when the server trusts the connection
 */
public record PostgresServer(
    String host, int port, String maintenanceDatabase, String username, String password) {

  public PostgresServer {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(maintenanceDatabase, "maintenanceDatabase");
    Objects.requireNonNull(username, "username");
  }

  /**
   * Reads a JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}, with
   * the PostgreSQL driver's own parser so every form the driver accepts is understood.
   *
   * @throws IllegalArgumentException when the URL is not a PostgreSQL JDBC URL or names no user
   */
  public static PostgresServer fromJdbcUrl(String jdbcUrl) {
    Properties parsed = Driver.parseURL(jdbcUrl, new Properties());
    if (parsed == null) {
      // Echo only the part before the query string: that is where credentials would be.
      throw new IllegalArgumentException(
          "Not a PostgreSQL JDBC URL: "
              + withoutQuery(jdbcUrl)
              + " (expected jdbc:postgresql://…)");
    }
    String hosts = PGProperty.PG_HOST.getOrDefault(parsed);
    String ports = PGProperty.PG_PORT.getOrDefault(parsed);
    if (hosts.contains(",")) {
      throw new IllegalArgumentException(
          "A test PostgreSQL URL must name one host, not " + hosts + ": " + withoutQuery(jdbcUrl));
    }
    String user = PGProperty.USER.getOrDefault(parsed);
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException(
          "The PostgreSQL URL names no user; add ?user=<name>: " + withoutQuery(jdbcUrl));
    }
    return new PostgresServer(
        hosts,
        Integer.parseInt(ports),
        PGProperty.PG_DBNAME.getOrDefault(parsed),
        user,
        PGProperty.PASSWORD.getOrDefault(parsed));
  }

  /** A credential-free JDBC URL of the maintenance database. */
  public String jdbcUrl() {
    return jdbcUrl(maintenanceDatabase);
  }

  /** A credential-free JDBC URL of {@code database} on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** Opens a connection to the maintenance database as the superuser. */
  public Connection openConnection() throws SQLException {
    return openConnection(maintenanceDatabase);
  }

  /** Opens a connection to {@code database} as the superuser. */
  public Connection openConnection(String database) throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", username);
    if (password != null) {
      credentials.setProperty("password", password);
    }
    return DriverManager.getConnection(jdbcUrl(database), credentials);
  }

  /** Masks the password: instances end up in assertion messages and logs. */
  @Override
  public String toString() {
    return "PostgresServer[url="
        + jdbcUrl()
        + ", username="
        + username
        + ", password="
        + (password == null ? "<none>" : "****")
        + "]";
  }

  private static String withoutQuery(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
  }
}
