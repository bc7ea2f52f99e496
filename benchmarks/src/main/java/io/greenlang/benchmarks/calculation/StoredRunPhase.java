package io.greenlang.benchmarks.calculation;

import io.greenlang.runtime.audit.AuditActors;
import io.greenlang.runtime.calculation.CalculationAudit;
import io.greenlang.runtime.calculation.Calculator;
import io.greenlang.runtime.calculation.batch.BatchSummary;
import io.greenlang.runtime.calculation.batch.CbamObligationRun;
import io.greenlang.runtime.calculation.store.CalculationStore;
import io.greenlang.runtime.calculation.store.StoredRun;
import io.greenlang.runtime.calculation.verification.ResultVerifier;
import io.greenlang.runtime.calculation.verification.RunVerification;
import io.greenlang.runtime.calculation.verification.RunVerifier;
import io.greenlang.runtime.catalog.BuiltInCatalog;
import io.greenlang.runtime.catalog.CsvRecords;
import io.greenlang.runtime.catalog.FactorCatalog;
import io.greenlang.runtime.catalog.TableSummary;
import io.greenlang.runtime.catalog.TenantFactorTables;
import io.greenlang.runtime.schema.LoginRoles;
import io.greenlang.runtime.schema.RuntimeSchema;
import io.greenlang.runtime.schema.audit.AuditLedgerClient;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The run as the runtime stores it: a fresh database migrated as the operator migrates it, a tenant
 * login role, the fixture table published as that tenant, then the whole run (lines and obligation)
 * calculated and written in one transaction as the tenant with its audit events (as {@code
 * CalculationService} records them), and verified from the database. The database and role are
 * dropped afterwards.
 */
final class StoredRunPhase {

  /** What the phase measured. */
  record Figures(
      BatchSummary summary,
      long storeNanos,
      long verifyNanos,
      RunVerification verification,
      long databaseBytes) {}

  private static final String TENANT = "benchmark-tenant";

  private StoredRunPhase() {}

  static Figures run(Path lines, Calculator calculator) throws Exception {
    String role = "gl_t_bench" + randomHex(4);
    String password = randomHex(16);
    TestDatabase database = TestPostgres.createDatabase();
    try {
      new RuntimeSchema()
          .migrate(database.jdbcUrl(), database.server().username(), database.server().password());
      try (Connection admin = database.openConnection()) {
        LoginRoles.ensure(admin, role, password.toCharArray());
        new RuntimeSchema().grantTenant(admin, role, TENANT);
      }
      AuditLedgerClient ledger = new AuditLedgerClient();
      try (Connection tenant = connect(database, role, password)) {
        tenant.setAutoCommit(false);
        TenantFactorTables tables = new TenantFactorTables(tenant);
        try (CsvRecords records = CsvRecords.open(new StringReader(BenchmarkTables.csv()))) {
          TableSummary table =
              tables.publish(BenchmarkTables.TABLE, BenchmarkTables.TITLE, null, records.readAll());
          ledger.append(
              tenant, CalculationAudit.tablePublished(TENANT, AuditActors.RUNTIME, table, "csv"));
        }
        tenant.commit();

        FactorCatalog catalog = catalog(tables);
        UUID runId = UUID.randomUUID();
        long start = System.nanoTime();
        BatchSummary summary;
        CalculationStore store = new CalculationStore(tenant);
        CalculationStore.Sink sink = store.sink(runId);
        try (RunInput input = new RunInput(lines)) {
          summary =
              new CbamObligationRun(calculator, catalog, 1000, true)
                  .run(input.rows(), Json.parse(BenchmarkTables.termsJson()), sink);
        }
        sink.flush();
        store.insertRun(
            new StoredRun(
                runId,
                summary.formula(),
                "batch",
                summary.rows(),
                summary.results(),
                summary.errorCount(),
                summary.rootHash(),
                summary.totals().toString(),
                "[]",
                calculator.codeVersion(),
                null));
        // As CalculationService: one import and one calculation event per run, whatever its size.
        StoredRun run = store.run(runId).orElseThrow();
        ledger.appendAll(
            tenant,
            List.of(
                CalculationAudit.batchImported(TENANT, AuditActors.RUNTIME, run),
                CalculationAudit.performed(TENANT, AuditActors.RUNTIME, run, List.of())));
        tenant.commit();
        long stored = System.nanoTime() - start;

        start = System.nanoTime();
        RunVerifier.Walk walk = new RunVerifier(new ResultVerifier(catalog(tables))).start();
        store.forEachResult(runId, walk::add);
        RunVerification verification = walk.finish(summary.rootHash(), summary.results());
        tenant.commit();
        long verified = System.nanoTime() - start;
        return new Figures(summary, stored, verified, verification, size(database));
      }
    } finally {
      database.close();
      try (Connection admin = TestPostgres.server().openConnection()) {
        LoginRoles.drop(admin, role);
      }
    }
  }

  private static FactorCatalog catalog(TenantFactorTables tables) {
    return new FactorCatalog(
        BuiltInCatalog.shipped(),
        (id, version) -> {
          synchronized (tables) {
            return tables.table(id, version);
          }
        });
  }

  private static Connection connect(TestDatabase database, String role, String password)
      throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", role);
    properties.setProperty("password", password);
    return DriverManager.getConnection(database.jdbcUrl(), properties);
  }

  private static long size(TestDatabase database) throws SQLException {
    try (Connection admin = database.openConnection();
        var statement = admin.createStatement();
        var result = statement.executeQuery("SELECT pg_database_size(current_database())")) {
      result.next();
      return result.getLong(1);
    }
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
