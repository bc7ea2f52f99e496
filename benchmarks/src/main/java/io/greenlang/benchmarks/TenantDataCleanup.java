package io.greenlang.benchmarks;

import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.testsupport.PostgresServer;
import io.greenlang.testsupport.RedisServerAddress;
import io.greenlang.testsupport.TestDatabase;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes what a phase's Tenants left on the machine's PostgreSQL and Redis once the operator has
 * stopped: the Region's shared database first (a role cannot be dropped while it holds privileges
 * there), then each Tenant's database and role, its Redis ACL user and any key under its prefix.
 */
final class TenantDataCleanup {
  private static final int SCAN_BATCH = 1000;

  private TenantDataCleanup() {}

  /** What was removed, and what could not be. */
  record Result(int tenants, int redisKeys, List<String> failures) {}

  static Result drop(
      PostgresServer postgres,
      RedisServerAddress redis,
      TestDatabase sharedDatabase,
      List<String> tenants,
      String keyPattern) {
    List<String> failures = new ArrayList<>();
    try {
      sharedDatabase.close();
    } catch (IllegalStateException e) {
      failures.add(e.getMessage());
    }
    try (Connection admin = postgres.openConnection();
        Statement sql = admin.createStatement()) {
      for (String tenant : tenants) {
        String identifier = TenantNames.postgresIdentifier(tenant);
        try {
          sql.execute("DROP DATABASE IF EXISTS \"" + identifier + "\" WITH (FORCE)");
          sql.execute("DROP ROLE IF EXISTS \"" + identifier + "\"");
        } catch (SQLException e) {
          failures.add(identifier + ": " + e.getMessage());
        }
      }
    } catch (SQLException e) {
      failures.add("PostgreSQL: " + e.getMessage());
    }
    int keys = 0;
    try (RedisClient client = RedisClient.create(redis.toRedisUri());
        var connection = client.connect()) {
      var commands = connection.sync();
      for (String tenant : tenants) {
        commands.aclDeluser("gl-" + tenant);
      }
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page =
            commands.scan(cursor, ScanArgs.Builder.matches(keyPattern).limit(SCAN_BATCH));
        if (!page.getKeys().isEmpty()) {
          keys += commands.del(page.getKeys().toArray(String[]::new)).intValue();
        }
        cursor = page;
      } while (!cursor.isFinished());
    } catch (RuntimeException e) {
      failures.add("Redis: " + e.getMessage());
    }
    return new Result(tenants.size(), keys, failures);
  }
}
