package io.greenlang.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, end to end: the sandbox starts the mock API, the operator process,
 * PostgreSQL and Redis, applies samples/quickstart and reports the Region Ready and the Tenant
 * provisioned.
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
    }
  }

  @Test
  void quickstartSettlesWithTheRegionReady() throws Exception {
    var printed = new ByteArrayOutputStream();
    var options = SandboxOptions.parse(new String[] {"--once", "--database=" + database});

    int exit = new Sandbox(options, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

    String output = printed.toString(StandardCharsets.UTF_8);
    System.out.println(output);
    assertThat(exit).as("sandbox exit code").isZero();
    assertThat(output)
        .containsPattern("Region\\s+eu\\s+True\\s+Ready\\s+Ready")
        .containsPattern("Tenant\\s+acme-steel\\s+True\\s+Ready\\s+Provisioned")
        .containsPattern("Agent\\s+gl-acme-steel/cbam-calculator\\s+True")
        .contains("Pipeline     gl-acme-steel/cbam-quarterly")
        .contains("PipelineRun  gl-acme-steel/cbam-2026-q1")
        .contains("Normal   RegionReady");
  }
}
