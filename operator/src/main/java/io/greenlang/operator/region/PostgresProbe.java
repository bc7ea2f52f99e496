package io.greenlang.operator.region;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.Driver;

/** Checks that a PostgreSQL server answers with the credentials the Region gives it. */
@ApplicationScoped
public class PostgresProbe {
  private static final Driver DRIVER = new Driver();

  /** Connects, runs {@code SELECT 1} and reports the server version or why it failed. */
  public ProbeResult probe(PostgresEndpoint endpoint, Duration timeout) {
    String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
    Properties props = new Properties();
    props.setProperty("user", endpoint.username());
    if (endpoint.password() != null) {
      props.setProperty("password", endpoint.password());
    }
    if (endpoint.sslMode() != null) {
      props.setProperty("sslmode", endpoint.sslMode());
    }
    props.setProperty("connectTimeout", seconds);
    props.setProperty("loginTimeout", seconds);
    props.setProperty("socketTimeout", seconds);
    props.setProperty("ApplicationName", "greenlang-operator");
    try (Connection connection = DRIVER.connect(endpoint.jdbcUrl(), props);
        Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
      String version = connection.getMetaData().getDatabaseProductVersion();
      return ProbeResult.reachable(
          "Connected", "PostgreSQL " + version + " at " + endpoint.describe() + " answered");
    } catch (SQLException e) {
      String detail = SecretRedaction.scrub(SecretRedaction.rootMessage(e), endpoint.password());
      return ProbeResult.unreachable(
          reason(e.getSQLState()), "PostgreSQL at " + endpoint.describe() + ": " + detail);
    }
  }

  /** Maps SQLSTATE classes to condition reasons an operator can act on. */
  private static String reason(String sqlState) {
    if (sqlState == null) {
      return "ConnectionFailed";
    }
    if (sqlState.startsWith("28")) {
      return "AuthenticationFailed";
    }
    if (sqlState.equals("3D000")) {
      return "DatabaseNotFound";
    }
    return "ConnectionFailed";
  }
}
