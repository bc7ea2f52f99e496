package io.greenlang.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.greenlang.crds.runtime.StepResult.Outcome;
import io.greenlang.crds.runtime.StepStreams;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.worker.TestTools.CountingTool;
import io.greenlang.testsupport.TestRedis;
import io.lettuce.core.AclCategory;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.protocol.CommandType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker as a {@code logical} tenant's pod runs it: PostgreSQL as the tenant's login role, Redis
 * as an ACL user limited to {@code t:<tenant>:*} (the rights the operator gives, RedisTenantUser).
 * It completes its steps with those rights only, and another tenant's login role can neither read
 * its results nor write one in its name; not even the tenant itself can change a stored result.
 */
class TenantIsolationIT {

  private StepBus bus;
  private String otherTenant;
  private String redisUser;
  private RedisClient restrictedClient;

  @BeforeEach
  void tenants() throws Exception {
    bus = new StepBus("intake");
    otherTenant = "wt-other-" + TenantDatabase.randomHex(4);
    bus.database.addTenant(otherTenant);
    redisUser = "gl-test-" + TenantDatabase.randomHex(6);
    String password = TenantDatabase.randomHex(16);
    bus.redis.aclSetuser(
        redisUser,
        new AclSetuserArgs()
            .reset()
            .on()
            .addPassword(password)
            .keyPattern("t:" + bus.tenant + ":*")
            .resetChannels() // as the operator's RedisTenantUser: Redis 6.2 starts with allchannels
            .channelPattern("t:" + bus.tenant + ":*")
            .allCommands()
            .removeCategory(AclCategory.DANGEROUS)
            .removeCommand(CommandType.KEYS)
            .removeCommand(CommandType.SCAN)
            .removeCommand(CommandType.RANDOMKEY));
    RedisURI uri = TestRedis.server().toRedisUri();
    uri.setUsername(redisUser);
    uri.setPassword(password.toCharArray());
    restrictedClient = RedisClient.create(uri);
  }

  @AfterEach
  void cleanUp() throws Exception {
    restrictedClient.shutdown();
    bus.redis.aclDeluser(redisUser);
    bus.close();
  }

  @Test
  void theWorkerNeedsOnlyItsTenantsKeysAndRowsAndOthersCannotReachThem() throws Exception {
    CountingTool count = new CountingTool();
    StepWorkerFactory factory =
        new StepWorkerFactory(
            restrictedClient,
            bus.pool,
            bus.configuration(Map.of(), "count"),
            new ToolRegistry(java.util.List.of(count)),
            null,
            StepBus.fastSettings(),
            bus.meters,
            java.time.Clock.systemUTC());
    StepWorker worker = factory.create();
    try {
      worker.start();
      StepTask task = bus.task("run-t", "double", "count", Map.of("n", "4"));
      bus.publish(task);
      await().atMost(Duration.ofSeconds(30)).until(() -> !bus.results("run-t").isEmpty());
      assertThat(bus.results("run-t").get(0).outcome()).isEqualTo(Outcome.SUCCEEDED);
      await().atMost(Duration.ofSeconds(30)).until(() -> bus.pending() == 0);

      try (var restricted = restrictedClient.connect()) {
        assertThatThrownBy(() -> restricted.sync().xlen(StepStreams.tasks(otherTenant, "intake")))
            .hasMessageContaining("NOPERM");
      }

      assertThat(countAs(bus.tenant, "true")).isEqualTo(1);
      assertThat(countAs(otherTenant, "true")).isZero();
      assertThat(countAs(bus.tenant, "greenlang.audit_events", "event_type = 'agent.executed'"))
          .as("the tenant's own role appended the step's audit event")
          .isEqualTo(1);
      assertThat(countAs(otherTenant, "greenlang.audit_events", "true")).isZero();
      assertThat(countAs(otherTenant, "tenant_id = '" + bus.tenant + "'")).isZero();
      try (Connection other = bus.database.connect(otherTenant);
          Statement statement = other.createStatement()) {
        assertThatThrownBy(
                () ->
                    statement.executeUpdate(
                        "INSERT INTO greenlang.step_results (tenant_id, run_uid, step, attempt,"
                            + " compensation, task_id, agent, outcome, worker, started_at,"
                            + " completed_at) VALUES ('"
                            + bus.tenant
                            + "', 'run-t', 'double', 2, false, 'x', 'intake', 'FAILED', 'w',"
                            + " now(), now())"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("row-level security");
      }
      try (Connection own = bus.database.connect(bus.tenant);
          Statement statement = own.createStatement()) {
        assertThatThrownBy(
                () ->
                    statement.executeUpdate("UPDATE greenlang.step_results SET outcome = 'FAILED'"))
            .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM greenlang.step_results"))
            .hasMessageContaining("permission denied");
      }
      // The other tenant's runtime cannot even learn that the task has a result.
      StepResultStore otherStore =
          new StepResultStore(
              bus.database.pool(otherTenant, 1),
              new io.greenlang.runtime.audit.AuditRecorder(bus.meters));
      assertThat(otherStore.find(task)).isEmpty();
      assertThat(otherStore.succeededSteps(bus.tenant, "run-t")).isEmpty();
    } finally {
      worker.stop(Duration.ZERO);
    }
  }

  private long countAs(String tenant, String condition) throws SQLException {
    return countAs(tenant, "greenlang.step_results", condition);
  }

  private long countAs(String tenant, String table, String condition) throws SQLException {
    try (Connection connection = bus.database.connect(tenant);
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery("SELECT count(*) FROM " + table + " WHERE " + condition)) {
      row.next();
      return row.getLong(1);
    }
  }
}
