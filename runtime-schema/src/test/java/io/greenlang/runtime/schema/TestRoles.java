package io.greenlang.runtime.schema;

import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Login roles created for one test class, with random {@code gl_t_<hex>} names and passwords, and
 * dropped by {@link #close()}. Close the test's databases first: a role that still holds privileges
 * in a database cannot be dropped.
 */
public final class TestRoles implements AutoCloseable {

  private final Map<String, String> passwords = new LinkedHashMap<>();

  /** Creates a login role through {@link LoginRoles#ensure} and returns its name. */
  public String create() throws SQLException {
    String name = "gl_t_" + randomHex(6);
    String password = randomHex(16);
    try (Connection admin = TestPostgres.server().openConnection()) {
      passwords.put(name, password);
      LoginRoles.ensure(admin, name, password.toCharArray());
    }
    return name;
  }

  /** Registers a role the test created by other means, so that it is dropped too. */
  public String adopt(String name) {
    passwords.put(name, randomHex(16));
    return name;
  }

  /** Opens a connection to {@code database} as {@code role}. */
  public Connection connect(TestDatabase database, String role) throws SQLException {
    return connect(database.jdbcUrl(), role, new Properties());
  }

  /** Opens a connection to {@code jdbcUrl} as {@code role}, with extra connection properties. */
  public Connection connect(String jdbcUrl, String role, Properties extra) throws SQLException {
    Properties properties = new Properties();
    properties.putAll(extra);
    properties.setProperty("user", role);
    properties.setProperty("password", password(role));
    return DriverManager.getConnection(jdbcUrl, properties);
  }

  public String password(String role) {
    String password = passwords.get(role);
    if (password == null) {
      throw new IllegalArgumentException("Not a role of this test: " + role);
    }
    return password;
  }

  @Override
  public void close() throws SQLException {
    List<SQLException> failures = new ArrayList<>();
    try (Connection admin = TestPostgres.server().openConnection()) {
      for (String role : passwords.keySet()) {
        try {
          LoginRoles.drop(admin, role);
        } catch (SQLException e) {
          failures.add(e);
        }
      }
    }
    passwords.clear();
    if (!failures.isEmpty()) {
      SQLException first = failures.get(0);
      failures.stream().skip(1).forEach(first::addSuppressed);
      throw first;
    }
  }

  public static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
