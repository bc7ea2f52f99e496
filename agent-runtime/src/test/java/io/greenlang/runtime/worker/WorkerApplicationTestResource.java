package io.greenlang.runtime.worker;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.greenlang.crds.agent.AgentMemory;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.agent.AgentTool;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.runtime.schema.LoginRoles;
import io.greenlang.runtime.schema.RuntimeSchema;
import io.greenlang.runtime.worker.tools.CsvValidationTool;
import io.greenlang.runtime.worker.tools.ReportTool;
import io.greenlang.testsupport.RedisServerAddress;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The runtime as an agent's pod runs it: the agent configuration file the operator mounts (a random
 * tenant, agent {@value #AGENT} with the tools {@code validate-csv} and {@code report}), a database
 * migrated by the operator and the tenant's login role, two worker loops with short timings. Drops
 * the database, the role and the tenant's Redis keys afterwards.
 */
public class WorkerApplicationTestResource implements QuarkusTestResourceLifecycleManager {

  static final String AGENT = "cbam-intake";

  private TestDatabase database;
  private String role;
  private String tenant;
  private Path configurationFile;

  @Override
  public Map<String, String> start() {
    tenant = "wq-" + TenantDatabase.randomHex(5);
    role = "gl_t_" + TenantDatabase.randomHex(6);
    String password = TenantDatabase.randomHex(16);
    database = TestPostgres.createDatabase();
    RuntimeSchema schema = new RuntimeSchema();
    schema.migrate(database.jdbcUrl(), database.server().username(), database.server().password());
    try (Connection admin = database.openConnection()) {
      LoginRoles.ensure(admin, role, password.toCharArray());
      schema.grantTenant(admin, role, tenant);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare " + database, e);
    }
    try {
      configurationFile = Files.createTempFile("agent-", ".yaml");
      new YAMLMapper().writeValue(configurationFile.toFile(), configuration());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }

    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
    config.put("quarkus.datasource.username", role);
    config.put("quarkus.datasource.password", password);
    config.put("quarkus.flyway.migrate-at-start", "false");
    RedisServerAddress redis = TestRedis.server();
    config.put("greenlang.redis.url", redis.uri());
    if (redis.username() != null) {
      config.put("greenlang.redis.username", redis.username());
    }
    if (redis.password() != null) {
      config.put("greenlang.redis.password", redis.password());
    }
    config.put("greenlang.agent.configuration-file", configurationFile.toString());
    config.put("greenlang.worker.consumers", "2");
    config.put("greenlang.worker.block-timeout", "200ms");
    config.put("greenlang.worker.claim-idle-time", "5s");
    config.put("greenlang.worker.reclaim-interval", "1s");
    config.put("greenlang.worker.consumer-expiry", "10s");
    config.put("greenlang.worker.shutdown-grace", "5s");
    return config;
  }

  private AgentRuntimeConfiguration configuration() {
    AgentSpec spec = new AgentSpec();
    spec.setTenant(tenant);
    AgentTool intake = new AgentTool(CsvValidationTool.NAME);
    intake.getConfig().putAll(CbamShipments.INTAKE_SETTINGS);
    spec.getTools().add(intake);
    spec.getTools().add(new AgentTool(ReportTool.NAME));
    AgentMemory memory = new AgentMemory();
    memory.setShortTermMaxEntries(2);
    memory.setLongTermMaxEntries(3);
    spec.setMemory(memory);
    AgentRuntimeConfiguration configuration = new AgentRuntimeConfiguration();
    configuration.setTenant(tenant);
    configuration.setAgent(AGENT);
    configuration.setNamespace("gl-shared");
    configuration.setSpec(spec);
    return configuration;
  }

  @Override
  public void stop() {
    if (database == null) {
      return;
    }
    try (RedisClient client = RedisClient.create(TestRedis.server().toRedisUri());
        var connection = client.connect()) {
      var keys = connection.sync().keys("t:" + tenant + ":*");
      if (!keys.isEmpty()) {
        connection.sync().del(keys.toArray(String[]::new));
      }
    }
    database.close();
    database = null;
    try (Connection admin = TestPostgres.server().openConnection()) {
      LoginRoles.drop(admin, role);
      Files.deleteIfExists(configurationFile);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Could not clean up after the worker application", e);
    }
  }
}
