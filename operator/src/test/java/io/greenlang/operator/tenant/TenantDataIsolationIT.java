package io.greenlang.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.operator.region.RegionFixtures;
import io.greenlang.testsupport.kubernetes.MockKubernetesApi;
import io.greenlang.testsupport.kubernetes.MockKubernetesApiResource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Two tenants per isolation level, provisioned by the operator on the real PostgreSQL and Redis;
 * then tenant A, with the credentials the operator gave it, tries every cross-tenant access we
 * could think of against tenant B. Every attempt must be refused. The attempts are printed as a
 * table.
 */
@QuarkusTest
@QuarkusTestResource(MockKubernetesApiResource.class)
class TenantDataIsolationIT {
  private KubernetesClient client;
  private TenantFixtures fixtures;
  private final AccessAttempts attempts = new AccessAttempts();

  @BeforeEach
  void setUp() {
    client = MockKubernetesApiResource.api().client();
    fixtures = new TenantFixtures(client);
  }

  @AfterEach
  void dropTenantData() throws Exception {
    fixtures.dropTenantData();
  }

  @Test
  void noTenantReachesAnotherTenantsData() throws Exception {
    try (MockKubernetesApi member = MockKubernetesApi.start()) {
      String region = RegionFixtures.randomName("eu");
      fixtures.readyRegion(region, member);
      for (IsolationLevel level : IsolationLevel.values()) {
        String a = RegionFixtures.randomName(level.name().toLowerCase().substring(0, 3) + "-a");
        String b = RegionFixtures.randomName(level.name().toLowerCase().substring(0, 3) + "-b");
        for (String name : new String[] {a, b}) {
          fixtures.tenant(
              name,
              level,
              region,
              spec -> {
                if (level.hasDedicatedCluster()) {
                  spec.setMemberCluster("member-0");
                  spec.setDataServices(fixtures.dedicatedServers(name));
                }
              });
        }
        Credentials credA = credentials(fixtures.awaitReady(a, ConditionStatus.True), member);
        Credentials credB = credentials(fixtures.awaitReady(b, ConditionStatus.True), member);
        String label = level.name().toLowerCase();
        postgresAttempts(label, credA, credB);
        redisAttempts(label, credA, credB);
        secretAttempts(
            label,
            fixtures.awaitReady(a, ConditionStatus.True),
            fixtures.awaitReady(b, ConditionStatus.True),
            member);
      }
    }

    System.out.println(
        "Cross-tenant access attempts (" + attempts.size() + "):\n" + attempts.render());
    assertThat(attempts.size()).isGreaterThanOrEqualTo(60);
    assertThat(attempts.allowed()).as("attempts that were not refused").isEmpty();
  }

  private void postgresAttempts(String level, Credentials a, Credentials b) throws SQLException {
    try (Connection asB = connect(b, b.database())) {
      execute(
          asB,
          "INSERT INTO greenlang.memory_entries(agent, content) VALUES ('calc', '{\"secret\":\""
              + b.tenant()
              + "\"}')");
    }
    try (Connection asA = connect(a, a.database())) {
      execute(
          asA,
          "INSERT INTO greenlang.memory_entries(agent, content) VALUES ('calc', '{\"mine\":true}')");
      String other = "'" + b.tenant() + "'";
      long visible =
          count(asA, "SELECT count(*) FROM greenlang.memory_entries WHERE tenant_id = " + other);
      attempts.record(
          level, "PostgreSQL: SELECT B's rows", visible == 0, visible + " rows visible");
      attempts.record(
          level,
          "PostgreSQL: UPDATE B's rows",
          rowsAffected(
                  asA, "UPDATE greenlang.memory_entries SET agent = 'x' WHERE tenant_id = " + other)
              == 0,
          "0 rows updated");
      attempts.record(
          level,
          "PostgreSQL: DELETE B's rows",
          rowsAffected(asA, "DELETE FROM greenlang.memory_entries WHERE tenant_id = " + other) == 0,
          "0 rows deleted");
      refused(
          level,
          "PostgreSQL: INSERT a row as tenant B",
          () ->
              execute(
                  asA,
                  "INSERT INTO greenlang.memory_entries(tenant_id, agent, content) VALUES ("
                      + other
                      + ", 'x', '{}')"));
      refused(
          level,
          "PostgreSQL: SET ROLE to B's role",
          () -> execute(asA, "SET ROLE " + b.postgresUser()));
      execute(asA, "RESET ROLE");
      long afterReset =
          count(asA, "SELECT count(*) FROM greenlang.memory_entries WHERE tenant_id = " + other);
      attempts.record(
          level,
          "PostgreSQL: RESET ROLE, then SELECT B's rows",
          afterReset == 0,
          afterReset + " rows visible");
      refused(
          level,
          "PostgreSQL: SET SESSION AUTHORIZATION B",
          () -> execute(asA, "SET SESSION AUTHORIZATION " + b.postgresUser()));
      refused(
          level,
          "PostgreSQL: CREATE FUNCTION to bypass row security",
          () ->
              execute(
                  asA,
                  "CREATE FUNCTION greenlang.peek() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS 'SELECT count(*) FROM greenlang.memory_entries'"));
      refused(
          level,
          "PostgreSQL: ALTER TABLE ... NO FORCE ROW LEVEL SECURITY",
          () -> execute(asA, "ALTER TABLE greenlang.memory_entries NO FORCE ROW LEVEL SECURITY"));
      refused(
          level,
          "PostgreSQL: read the tenant/role registry",
          () -> count(asA, "SELECT count(*) FROM greenlang.tenant_roles"));
      refused(
          level,
          "PostgreSQL: TRUNCATE the table",
          () -> execute(asA, "TRUNCATE greenlang.memory_entries"));
      StringWriter copied = new StringWriter();
      try {
        asA.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyOut("COPY greenlang.memory_entries TO STDOUT", copied);
        attempts.record(
            level,
            "PostgreSQL: COPY the table TO STDOUT",
            !copied.toString().contains(b.tenant()),
            "only A's rows copied");
      } catch (Exception e) {
        attempts.record(level, "PostgreSQL: COPY the table TO STDOUT", true, e.getMessage());
      }
      refused(
          level,
          "PostgreSQL: COPY rows FROM STDIN as tenant B",
          () ->
              asA.unwrap(PGConnection.class)
                  .getCopyAPI()
                  .copyIn(
                      "COPY greenlang.memory_entries(tenant_id, agent, content) FROM STDIN",
                      new java.io.ByteArrayInputStream(
                          (b.tenant() + "\tx\t{}\n").getBytes(StandardCharsets.UTF_8))));
    }
    if (!a.database().equals(b.database())) {
      refused(
          level,
          "PostgreSQL: connect to B's database",
          () -> {
            connect(a, b.database()).close();
            return "connected";
          });
    } else {
      attempts.record(
          level,
          "PostgreSQL: connect to B's database",
          true,
          "logical tenants share one database by design; rows above are isolated");
    }
  }

  private void redisAttempts(String level, Credentials a, Credentials b) {
    String bKey = b.redisPrefix() + "k";
    try (RedisClient admin = RedisClient.create(fixtures.redis.toRedisUri());
        var adminConnection = admin.connect()) {
      adminConnection.sync().set(bKey, "secret of " + b.tenant());
    }
    RedisURI uri =
        RedisURI.builder()
            .withHost(a.redisHost())
            .withPort(a.redisPort())
            .withAuthentication(a.redisUser(), a.redisPassword().toCharArray())
            .build();
    try (RedisClient redis = RedisClient.create(uri);
        var connection = redis.connect();
        var pubsub = redis.connectPubSub()) {
      RedisCommands<String, String> asA = connection.sync();
      asA.set(a.redisPrefix() + "own", "ok");
      assertThat(asA.get(a.redisPrefix() + "own")).as("A uses its own keys").isEqualTo("ok");
      refused(level, "Redis: GET B's key", () -> asA.get(bKey));
      refused(level, "Redis: SET B's key", () -> asA.set(bKey, "overwritten"));
      refused(level, "Redis: DEL B's key", () -> asA.del(bKey));
      refused(level, "Redis: SCAN the keyspace", () -> asA.scan(ScanCursor.INITIAL));
      refused(level, "Redis: KEYS *", () -> asA.keys("*"));
      refused(level, "Redis: RANDOMKEY", () -> asA.randomkey());
      refused(
          level,
          "Redis: SUBSCRIBE to B's channel",
          () -> {
            pubsub.sync().subscribe(b.redisPrefix() + "events");
            return "subscribed";
          });
      refused(
          level,
          "Redis: PUBLISH to B's channel",
          () -> asA.publish(b.redisPrefix() + "events", "x"));
      refused(level, "Redis: FLUSHALL", () -> asA.flushall());
      refused(level, "Redis: CONFIG GET", () -> asA.configGet("*"));
      refused(
          level,
          "Redis: ACL SETUSER to widen its own rights",
          () -> asA.aclSetuser(a.redisUser(), new io.lettuce.core.AclSetuserArgs().allKeys()));
    }
  }

  private void secretAttempts(String level, Tenant a, Tenant b, MockKubernetesApi member) {
    var refB = b.getStatus().getCredentialsSecretRef();
    KubernetesClient bCluster = clusterOf(b, member);
    boolean bindsA =
        bCluster
            .resources(RoleBinding.class)
            .inNamespace(refB.getNamespace())
            .list()
            .getItems()
            .stream()
            .flatMap(rb -> rb.getSubjects().stream())
            .anyMatch(
                s ->
                    a.getSpec().getMembers().stream()
                        .anyMatch(m -> m.getName().equals(s.getName())));
    attempts.record(
        level,
        "Kubernetes: A's members read B's credentials Secret",
        !bindsA,
        "no RoleBinding for A's members in " + refB.getNamespace() + ", where B's Secret is");
    if (a.getSpec().getIsolation() == IsolationLevel.LOGICAL) {
      boolean anyTenantBinding =
          client
              .resources(RoleBinding.class)
              .inNamespace(refB.getNamespace())
              .list()
              .getItems()
              .stream()
              .anyMatch(
                  rb ->
                      rb.getMetadata().getLabels() != null
                          && rb.getMetadata().getLabels().containsKey("greenlang.io/tenant"));
      attempts.record(
          level,
          "Kubernetes: reach credentials in the operator's namespace",
          !anyTenantBinding,
          "logical tenants have no namespace; no tenant member is bound in " + refB.getNamespace());
      return;
    }
    KubernetesClient aCluster = clusterOf(a, member);
    String aNamespace = a.getStatus().getCredentialsSecretRef().getNamespace();
    boolean bSecretInA =
        aCluster.secrets().inNamespace(aNamespace).list().getItems().stream()
            .map(s -> decode(s).get("postgres-username"))
            .anyMatch(
                user -> TenantNames.postgresIdentifier(b.getMetadata().getName()).equals(user));
    attempts.record(
        level,
        "Kubernetes: B's credentials in A's namespace",
        !bSecretInA,
        "none in " + aNamespace);
  }

  private KubernetesClient clusterOf(Tenant tenant, MockKubernetesApi member) {
    return tenant.getSpec().getIsolation().hasDedicatedCluster()
            && !tenant.getSpec().getIsolation().equals(IsolationLevel.LOGICAL)
        ? member.client()
        : client;
  }

  private Credentials credentials(Tenant tenant, MockKubernetesApi member) {
    var ref = tenant.getStatus().getCredentialsSecretRef();
    Secret secret =
        clusterOf(tenant, member)
            .secrets()
            .inNamespace(ref.getNamespace())
            .withName(ref.getName())
            .get();
    Map<String, String> data = decode(secret);
    return new Credentials(
        tenant.getMetadata().getName(),
        data.get("postgres-host"),
        Integer.parseInt(data.get("postgres-port")),
        data.get("postgres-database"),
        data.get("postgres-username"),
        data.get("postgres-password"),
        data.get("redis-host"),
        Integer.parseInt(data.get("redis-port")),
        data.get("redis-username"),
        data.get("redis-password"),
        data.get("redis-key-prefix"));
  }

  private static Map<String, String> decode(Secret secret) {
    Map<String, String> values = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) ->
                  values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    return values;
  }

  private void refused(String level, String attempt, Callable<?> action) {
    try {
      Object result = action.call();
      attempts.record(level, attempt, false, "succeeded: " + result);
    } catch (Exception e) {
      String message =
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : e.getMessage().lines().findFirst().orElse("");
      attempts.record(level, attempt, true, message);
    }
  }

  private static Connection connect(Credentials c, String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://" + c.postgresHost() + ":" + c.postgresPort() + "/" + database,
        c.postgresUser(),
        c.postgresPassword());
  }

  private static Object execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
      return "executed";
    }
  }

  private static int rowsAffected(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** What the operator put in a tenant's credentials Secret. */
  record Credentials(
      String tenant,
      String postgresHost,
      int postgresPort,
      String database,
      String postgresUser,
      String postgresPassword,
      String redisHost,
      int redisPort,
      String redisUser,
      String redisPassword,
      String redisPrefix) {}
}
