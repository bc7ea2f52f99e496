package io.greenlang.e2e;

import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Removes what the operator provisioned for a tenant of a local E2E run on this machine's servers
 * (its database, login role, Redis ACL user and keys): the local platform is gone by then, so no
 * operator is left to do it.
 */
final class TenantData {
  private TenantData() {}

  static void drop(String tenant) {
    String identifier = TenantNames.postgresIdentifier(tenant);
    try (Connection admin = TestPostgres.server().openConnection();
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS \"" + identifier + "\" WITH (FORCE)");
      sql.execute("DROP ROLE IF EXISTS \"" + identifier + "\"");
    } catch (Exception e) {
      throw new IllegalStateException("could not drop the database of tenant " + tenant, e);
    }
    try (RedisClient client = RedisClient.create(TestRedis.server().toRedisUri());
        var connection = client.connect()) {
      connection.sync().aclDeluser("gl-" + tenant);
      var keys = connection.sync().keys(TenantNames.redisPrefix(tenant) + "*");
      if (!keys.isEmpty()) {
        connection.sync().del(keys.toArray(String[]::new));
      }
    }
  }
}
