package io.greenlang.runtime.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads back, from the catalog, what the tests need to check: privileges, flags, rows. */
final class SchemaQueries {

  private SchemaQueries() {}

  /** The first column of every row of {@code query}. */
  static List<String> column(Connection connection, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      while (result.next()) {
        values.add(result.getString(1));
      }
    }
    return values;
  }

  static boolean bool(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getBoolean(1);
    }
  }

  static void execute(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /**
   * Privileges {@code role} holds on relations of schema greenlang, itself or through the roles it
   * inherits from (the tenants' group role): table → privileges.
   */
  static Map<String, List<String>> tablePrivileges(Connection connection, String role)
      throws SQLException {
    Map<String, List<String>> privileges = new TreeMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT DISTINCT c.relname, a.privilege_type"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,"
                + " aclexplode(c.relacl) a"
                + " WHERE n.nspname = 'greenlang' AND a.grantee IN (SELECT r.oid FROM pg_roles r WHERE pg_has_role(?::regrole, r.oid, 'USAGE'))"
                + " ORDER BY 1, 2")) {
      query.setString(1, role);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          privileges
              .computeIfAbsent(result.getString(1), table -> new ArrayList<>())
              .add(result.getString(2));
        }
      }
    }
    return privileges;
  }

  /** Column-level privileges {@code role} holds in schema greenlang, itself or inherited. */
  static List<String> columnPrivileges(Connection connection, String role) throws SQLException {
    List<String> privileges = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.relname || '.' || att.attname || ' ' || a.privilege_type"
                + " FROM pg_attribute att JOIN pg_class c ON c.oid = att.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(att.attacl) a"
                + " WHERE n.nspname = 'greenlang' AND a.grantee IN (SELECT r.oid FROM pg_roles r WHERE pg_has_role(?::regrole, r.oid, 'USAGE'))")) {
      query.setString(1, role);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          privileges.add(result.getString(1));
        }
      }
    }
    return privileges;
  }

  /** Privileges {@code role} holds on schema greenlang and its functions, itself or inherited. */
  static List<String> schemaAndFunctionPrivileges(Connection connection, String role)
      throws SQLException {
    List<String> privileges = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT 'schema greenlang ' || a.privilege_type FROM pg_namespace n,"
                + " aclexplode(n.nspacl) a WHERE n.nspname = 'greenlang'"
                + " AND a.grantee IN (SELECT r.oid FROM pg_roles r WHERE pg_has_role(?::regrole, r.oid, 'USAGE'))"
                + " UNION ALL"
                + " SELECT 'function ' || p.proname || ' ' || a.privilege_type"
                + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace,"
                + " aclexplode(p.proacl) a"
                + " WHERE n.nspname = 'greenlang'"
                + " AND a.grantee IN (SELECT r.oid FROM pg_roles r WHERE pg_has_role(?::regrole, r.oid, 'USAGE')) ORDER BY 1")) {
      query.setString(1, role);
      query.setString(2, role);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          privileges.add(result.getString(1));
        }
      }
    }
    return privileges;
  }

  /** Whether PUBLIC holds {@code privilege} (e.g. CREATE) on schema public. */
  static boolean publicHoldsOnSchemaPublic(Connection connection, String privilege)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM pg_namespace n,"
                + " aclexplode(COALESCE(n.nspacl, acldefault('n', n.nspowner))) a"
                + " WHERE n.nspname = 'public' AND a.grantee = 0 AND a.privilege_type = ?)")) {
      query.setString(1, privilege);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }
}
