package io.greenlang.runtime.worker;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.runtime.schema.LoginRoles;
import io.greenlang.runtime.schema.RuntimeSchema;
import io.greenlang.runtime.worker.tools.cbam.CbamQuickstart;
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
 * The runtime as the pod of the quickstart's Agent {@code cbam-calculator} runs it: the agent
 * configuration built from samples/quickstart/03-agent-cbam-calculator.yaml (its tools and their
 * settings), for a random tenant whose database the operator migrated and whose login role the
 * runtime connects as. Drops the database, the role and the tenant's Redis keys afterwards.
 */
public class QuickstartAgentTestResource implements QuarkusTestResourceLifecycleManager {

  static final String NAMESPACE = "gl-acme-steel";

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
    Agent agent = CbamQuickstart.agent();
    AgentSpec spec = agent.getSpec();
    spec.setTenant(tenant);
    AgentRuntimeConfiguration configuration = new AgentRuntimeConfiguration();
    configuration.setTenant(tenant);
    configuration.setAgent(agent.getMetadata().getName());
    configuration.setNamespace(NAMESPACE);
    configuration.setSpec(spec);
    try {
      configurationFile = Files.createTempFile("agent-", ".yaml");
      new YAMLMapper().writeValue(configurationFile.toFile(), configuration);
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
    config.put("greenlang.worker.block-timeout", "200ms");
    config.put("greenlang.worker.claim-idle-time", "5s");
    config.put("greenlang.worker.reclaim-interval", "1s");
    config.put("greenlang.worker.consumer-expiry", "10s");
    config.put("greenlang.worker.shutdown-grace", "5s");
    return config;
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
      throw new IllegalStateException("Could not clean up after the quickstart agent", e);
    }
  }
}
