package io.greenlang.operator.region;

/**
 * Connection details of a PostgreSQL server read from a Region's Secret. {@link #toString()} leaves
 * the password out so the record can be logged or put in a message safely.
 */
public record PostgresEndpoint(
    String host, int port, String database, String username, String password, String sslMode) {

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** host:port/database, for messages. */
  public String describe() {
    return host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "PostgresEndpoint[" + describe() + ", user=" + username + "]";
  }
}
