package io.greenlang.runtime.llm;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.runtime.llm.cost.PriceTable;
import io.greenlang.runtime.llm.cost.PriceTableFile;
import io.greenlang.runtime.schema.RuntimeSchema;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * What a gateway needs in a test, real where it matters: a migrated PostgreSQL database (test
 * server), the test Redis, a directory of mounted API keys. Every tenant a test makes has a random
 * name, and its Redis keys ({@code t:<tenant>:*}) are deleted on close, with the database.
 */
final class GatewayFixture implements AutoCloseable {

  /** Prices for tests: round numbers, so expected costs are easy to state. */
  static final String TEST_PRICES =
      """
      versions:
        - version: "test-1"
          effectiveFrom: "2020-01-01"
          entries:
            - {provider: anthropic, model: test-model, inputPer1k: "0.01", outputPer1k: "0.02", source: test}
            - {provider: openai, model: test-model, inputPer1k: "0.01", outputPer1k: "0.02", source: test}
            - {provider: azure-openai, model: test-model, inputPer1k: "0.01", outputPer1k: "0.02", source: test}
            - {provider: openai, model: test-embedding, inputPer1k: "0.0001", outputPer1k: "0", source: test}
            - {provider: openai-compatible, model: "*", inputPer1k: "0", outputPer1k: "0", source: test}
      """;

  final TestDatabase database;
  final AgroalDataSource dataSource;
  final StatefulRedisConnection<String, String> redis;
  final Path secrets;
  private final RedisClient redisClient;
  private final List<String> tenants = new CopyOnWriteArrayList<>();

  private GatewayFixture() throws SQLException, IOException {
    database = TestPostgres.createDatabase();
    new RuntimeSchema()
        .migrate(database.jdbcUrl(), database.server().username(), database.server().password());
    dataSource =
        AgroalDataSource.from(
            new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(
                    pool ->
                        pool.maxSize(16)
                            .acquisitionTimeout(Duration.ofSeconds(30))
                            .connectionFactoryConfiguration(
                                factory -> {
                                  factory
                                      .jdbcUrl(database.jdbcUrl())
                                      .principal(new NamePrincipal(database.server().username()));
                                  if (database.server().password() != null) {
                                    factory.credential(
                                        new SimplePassword(database.server().password()));
                                  }
                                  return factory;
                                })));
    redisClient = RedisClient.create(TestRedis.server().toRedisUri());
    redis = redisClient.connect();
    secrets = Files.createTempDirectory("gl-llm-secrets");
  }

  static GatewayFixture start() {
    try {
      return new GatewayFixture();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the gateway fixture", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new tenant name, unique to this run; its Redis keys are removed on close. */
  String newTenant() {
    byte[] random = new byte[5];
    ThreadLocalRandom.current().nextBytes(random);
    String tenant = "t" + HexFormat.of().formatHex(random);
    tenants.add(tenant);
    return tenant;
  }

  /** Mounts an API key for the link {@code link}, as the operator mounts a Secret key. */
  void apiKey(String link, String key) {
    try {
      Path directory = Files.createDirectories(secrets.resolve(AgentConfigurations.KEY_SECRET));
      Files.writeString(directory.resolve(link), key + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PriceTable testPrices() {
    try {
      return PriceTableFile.parse(
          new ByteArrayInputStream(TEST_PRICES.getBytes(StandardCharsets.UTF_8)), "test prices");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  GatewayOptions options() {
    return GatewayOptions.defaults()
        .withSecretsDirectory(secrets)
        .withRetryDelays(Duration.ofMillis(10), Duration.ofSeconds(3));
  }

  LlmGateway.Builder gateway(AgentRuntimeConfiguration agent) {
    return LlmGateway.builder()
        .agent(agent)
        .options(options())
        .prices(testPrices())
        .redis(commands())
        .dataSource(dataSource)
        .meterRegistry(new SimpleMeterRegistry());
  }

  RedisCommands<String, String> commands() {
    return redis.sync();
  }

  /** The usage rows of a tenant, oldest first, as maps of column to value. */
  List<Map<String, Object>> usage(String tenant) {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT * FROM greenlang.llm_usage WHERE tenant_id = ? ORDER BY id")) {
      query.setString(1, tenant);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          Map<String, Object> row = new java.util.LinkedHashMap<>();
          for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
            row.put(result.getMetaData().getColumnName(c), result.getObject(c));
          }
          rows.add(row);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  /** The sum of cost_usd of a tenant's usage rows. */
  BigDecimal usageCost(String tenant, String column) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT coalesce(sum("
                    + column
                    + "), 0) FROM greenlang.llm_usage WHERE tenant_id = ?")) {
      query.setString(1, tenant);
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getBigDecimal(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      RedisCommands<String, String> commands = redis.sync();
      for (String tenant : tenants) {
        ScanIterator<String> keys =
            ScanIterator.scan(commands, ScanArgs.Builder.matches("t:" + tenant + ":*").limit(500));
        List<String> found = new ArrayList<>();
        keys.forEachRemaining(found::add);
        if (!found.isEmpty()) {
          commands.del(found.toArray(String[]::new));
        }
      }
    } finally {
      redis.close();
      redisClient.shutdown();
      dataSource.close();
      database.close();
      try (Stream<Path> files = Files.walk(secrets)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        System.err.println("Could not delete " + secrets + ": " + e);
      }
    }
  }
}
