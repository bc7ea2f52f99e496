package io.greenlang.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, end to end: the sandbox starts the mock API, the operator process,
 * the local kubelet, PostgreSQL and Redis, applies samples/quickstart, and the CBAM PipelineRun
 * succeeds on agent-runtime pods with the figures worked out by hand; the report and its provenance
 * are written and the tenant's audit chain verifies.
 */
class SandboxE2E {
  private final String database = "gl_sandbox_e2e_" + Long.toHexString(System.nanoTime());

  /** The quickstart tenant's database, role and Redis user, and the Region's database, go again. */
  @AfterEach
  void dropSandboxData() throws Exception {
    try (Connection admin = TestPostgres.server().openConnection();
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
      sql.execute("DROP DATABASE IF EXISTS gl_acme_steel WITH (FORCE)");
      sql.execute("DROP ROLE IF EXISTS gl_acme_steel");
    }
    try (RedisClient redis = RedisClient.create(TestRedis.server().toRedisUri());
        var connection = redis.connect()) {
      connection.sync().aclDeluser("gl-acme-steel");
      var keys = connection.sync().keys("t:acme-steel:*");
      if (!keys.isEmpty()) {
        connection.sync().del(keys.toArray(String[]::new));
      }
    }
  }

  @Test
  void quickstartRunsTheCbamPipelineAndWritesTheReport() throws Exception {
    var printed = new ByteArrayOutputStream();
    Path work = Files.createTempDirectory("gl-sandbox-e2e");
    var options =
        SandboxOptions.parse(
            new String[] {"--once", "--database=" + database, "--work-dir=" + work});

    long started = System.nanoTime();
    int exit = new Sandbox(options, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

    String output = printed.toString(StandardCharsets.UTF_8);
    System.out.println(output);
    System.out.printf("Sandbox --once took %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
    assertThat(output)
        .containsPattern("Region\\s+eu\\s+True\\s+Ready\\s+Ready")
        .containsPattern("Tenant\\s+acme-steel\\s+True\\s+Ready\\s+Provisioned")
        .containsPattern("Agent\\s+gl-acme-steel/cbam-calculator\\s+True")
        .containsPattern("Deployment\\s+gl-acme-steel/cbam-calculator\\s+True\\s+2/2 pods ready")
        .containsPattern("PipelineRun\\s+gl-acme-steel/cbam-2026-q1\\s+True")
        .contains("PipelineRun gl-acme-steel/cbam-2026-q1: Succeeded")
        .containsPattern("Embedded emissions, t CO2e\\s+8530\\.410*\\n")
        .containsPattern("CBAM certificates to surrender\\s+1758\\.95625\\n")
        .containsPattern("Certificate cost, EUR\\s+131921\\.71875\\n")
        .contains("Audit chain of tenant acme-steel: intact")
        .contains("/q/metrics");
    assertThat(exit).as("sandbox exit code").isZero();
    Path reports = work.resolve("reports/gl-acme-steel/cbam-2026-q1");
    assertThat(Files.readString(reports.resolve("report.csv")))
        .contains("S-003,76011000,CN,default,direct,300,1.7,10.5,510,3150,3660,510,450,");
    assertThat(Files.readString(reports.resolve("report.json"))).contains("\"runUid\"");
    assertThat(Files.readString(reports.resolve("provenance.json")))
        .contains("provenanceRootHash")
        .contains("\"step\" : \"report\"");
  }
}
