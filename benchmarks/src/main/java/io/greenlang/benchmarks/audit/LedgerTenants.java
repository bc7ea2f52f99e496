package io.greenlang.benchmarks.audit;

import io.greenlang.runtime.schema.LoginRoles;
import io.greenlang.runtime.schema.RuntimeSchema;
import io.greenlang.runtime.schema.audit.AuditCanonicalForm;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * A fresh migrated database with a login role per tenant, granted as the operator grants it; the
 * benchmark appends as those roles. Closing drops the database and the roles.
 */
final class LedgerTenants implements AutoCloseable {

  private static final String ACTOR = "agent:cbam-calculator";
  private static final String TYPE = "calculation.performed";

  private final TestDatabase database = TestPostgres.createDatabase();
  private final Map<String, String[]> loginOfTenant = new LinkedHashMap<>();

  private LedgerTenants() {}

  static LedgerTenants create(List<String> tenants) throws SQLException {
    LedgerTenants created = new LedgerTenants();
    try {
      RuntimeSchema schema = new RuntimeSchema();
      schema.migrate(
          created.database.jdbcUrl(),
          created.database.server().username(),
          created.database.server().password());
      try (Connection admin = created.database.openConnection()) {
        for (String tenant : tenants) {
          String role = "gl_t_" + hex(6);
          String password = hex(16);
          created.loginOfTenant.put(tenant, new String[] {role, password});
          LoginRoles.ensure(admin, role, password.toCharArray());
          schema.grantTenant(admin, role, tenant);
        }
      }
      return created;
    } catch (SQLException | RuntimeException e) {
      created.close();
      throw e;
    }
  }

  /** A connection as the tenant's login role. */
  Connection connect(String tenant) throws SQLException {
    String[] login = loginOfTenant.get(tenant);
    Properties properties = new Properties();
    properties.setProperty("user", login[0]);
    properties.setProperty("password", login[1]);
    return DriverManager.getConnection(database.jdbcUrl(), properties);
  }

  String describe() {
    return database.name() + " on " + database.server().host() + ":" + database.server().port();
  }

  /** Runs {@code query} as the superuser and returns the first column of its first row. */
  String query(String query) throws SQLException {
    try (Connection admin = database.openConnection();
        Statement statement = admin.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getString(1);
    }
  }

  /**
   * Writes a valid chain of {@code entries} for the tenant the fast way an administrator restores
   * one: computed here with {@link AuditCanonicalForm}, loaded with COPY as the superuser with
   * triggers off, and the head set to its last entry. Only the verification rate is measured on it;
   * the verifier then proves every link. Returns the time the load took.
   */
  long loadChain(String tenant, int entries, PrintStream progress) throws SQLException {
    long start = System.nanoTime();
    try (Connection admin = database.openConnection()) {
      admin.setAutoCommit(false);
      try (Statement statement = admin.createStatement()) {
        statement.execute("SET LOCAL session_replication_role = replica");
        statement.execute(
            "SELECT greenlang.create_audit_partitions(((now() AT TIME ZONE 'UTC') - interval '1 day')::date,"
                + " (now() AT TIME ZONE 'UTC')::date)");
      }
      Instant first = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(3_600);
      CopyManager copy = admin.unwrap(PGConnection.class).getCopyAPI();
      CopyIn in =
          copy.copyIn(
              "COPY greenlang.audit_events (id, tenant_id, sequence, recorded_at, actor,"
                  + " event_type, target, outcome, details, previous_hash, hash) FROM STDIN");
      String previous = AuditCanonicalForm.GENESIS_HASH;
      StringBuilder rows = new StringBuilder();
      for (int line = 1; line <= entries; line++) {
        Instant time = first.plusNanos(line * 1_000L);
        // No tab, line feed or backslash in any value: COPY's text format takes them as they are.
        String details =
            "{\"embedded_tco2e\":23.750,\"formula\":\"cbam.embedded-emissions.simple\",\"line\":"
                + line
                + ",\"net_mass_t\":12.50,\"see_tco2e_per_t\":1.90}";
        UUID id = UUID.randomUUID();
        String target = "import-line:" + line;
        String hash =
            AuditCanonicalForm.sha256Hex(
                AuditCanonicalForm.bytes(
                    id, tenant, line, time, ACTOR, TYPE, target, "success", details, previous));
        rows.append(id).append('\t').append(tenant).append('\t').append(line).append('\t');
        rows.append(AuditCanonicalForm.formatTime(time)).append('\t').append(ACTOR).append('\t');
        rows.append(TYPE).append('\t').append(target).append("\tsuccess\t").append(details);
        rows.append('\t').append(previous).append('\t').append(hash).append('\n');
        previous = hash;
        if (line % 10_000 == 0 || line == entries) {
          byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
          in.writeToCopy(bytes, 0, bytes.length);
          rows.setLength(0);
        }
        if (line % 200_000 == 0) {
          progress.printf("  %,d of %,d%n", line, entries);
        }
      }
      in.endCopy();
      try (PreparedStatement head =
          admin.prepareStatement(
              "INSERT INTO greenlang.audit_chain_heads (tenant_id, last_sequence, last_hash,"
                  + " last_recorded_at) VALUES (?, ?, ?, ?)")) {
        head.setString(1, tenant);
        head.setLong(2, entries);
        head.setString(3, previous);
        head.setObject(
            4, OffsetDateTime.ofInstant(first.plusNanos(entries * 1_000L), ZoneOffset.UTC));
        head.executeUpdate();
      }
      admin.commit();
    }
    return System.nanoTime() - start;
  }

  @Override
  public void close() throws SQLException {
    database.close();
    try (Connection admin = TestPostgres.server().openConnection()) {
      for (String[] login : loginOfTenant.values()) {
        LoginRoles.drop(admin, login[0]);
      }
    }
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
