package io.greenlang.benchmarks.audit;

import io.greenlang.runtime.schema.LoginRoles;
import io.greenlang.runtime.schema.RuntimeSchema;
import io.greenlang.runtime.schema.audit.AuditEvent;
import io.greenlang.runtime.schema.audit.AuditEventType;
import io.greenlang.runtime.schema.audit.AuditLedgerClient;
import io.greenlang.runtime.schema.audit.AuditOutcome;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh migrated database with a login role per tenant, granted as the operator grants it; the
 * benchmark appends as those roles. Closing drops the database and the roles.
 */
final class LedgerTenants implements AutoCloseable {

  /** Iterations of the server-side generator per statement; it commits every 1,000. */
  private static final int GENERATED_PER_STATEMENT = 100_000;

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
   * Appends {@code entries} to the tenant's chain inside the database, as its login role, with the
   * same single statement {@link AuditLedgerClient} sends and the hash left to the insert trigger:
   * a long chain without a million client round trips. Returns the time it took.
   */
  long generateChain(String tenant, int entries, PrintStream progress) throws SQLException {
    long start = System.nanoTime();
    try (Connection connection = connect(tenant)) {
      new AuditLedgerClient()
          .append(
              connection,
              new AuditEvent(
                  tenant,
                  "agent:generator",
                  AuditEventType.CALCULATION_PERFORMED,
                  "import-line:0",
                  AuditOutcome.SUCCESS,
                  null));
      for (int done = 1; done < entries; done += GENERATED_PER_STATEMENT) {
        int upTo = Math.min(entries - 1, done + GENERATED_PER_STATEMENT - 1);
        try (Statement statement = connection.createStatement()) {
          statement.execute(generator(tenant, done, upTo));
        }
        progress.printf("  %,d of %,d%n", upTo + 1, entries);
      }
    }
    return System.nanoTime() - start;
  }

  private static String generator(String tenant, int from, int to) {
    return """
        DO $$
        BEGIN
          FOR line IN %d..%d LOOP
            WITH head AS (SELECT last_sequence, last_hash, last_recorded_at
                            FROM greenlang.audit_chain_heads WHERE tenant_id = '%s' FOR UPDATE)
            INSERT INTO greenlang.audit_events (id, tenant_id, sequence, recorded_at, actor,
                event_type, target, outcome, details, previous_hash)
            SELECT gen_random_uuid(), '%s', last_sequence + 1,
                   greatest(clock_timestamp(), last_recorded_at), 'agent:cbam-calculator',
                   'calculation.performed', 'import-line:' || line, 'success',
                   '{"embedded_tco2e":23.750,"formula":"cbam.embedded-emissions.simple","line":'
                     || line || ',"net_mass_t":12.50,"see_tco2e_per_t":1.90}',
                   last_hash
              FROM head;
            IF line %% 1000 = 0 THEN
              COMMIT;
            END IF;
          END LOOP;
        END
        $$
        """
        .formatted(from, to, tenant, tenant);
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
