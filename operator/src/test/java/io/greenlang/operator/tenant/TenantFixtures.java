package io.greenlang.operator.tenant;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.common.SecretReference;
import io.greenlang.crds.region.DataServiceConnection;
import io.greenlang.crds.region.LlmEndpoint;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCluster;
import io.greenlang.crds.region.RegionStatus;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.SubjectKind;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantDataServices;
import io.greenlang.crds.tenant.TenantMember;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.crds.tenant.TenantRole;
import io.greenlang.crds.tenant.TenantSpec;
import io.greenlang.crds.tenant.TenantStatus;
import io.greenlang.crds.tenant.TenantTier;
import io.greenlang.operator.region.RegionFixtures;
import io.greenlang.testsupport.PostgresServer;
import io.greenlang.testsupport.RedisServerAddress;
import io.greenlang.testsupport.TestDatabase;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.greenlang.testsupport.kubernetes.MockKubernetesApi;
import io.lettuce.core.RedisClient;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Regions (Ready, with LLM endpoints and optional member clusters) and Tenants for tenant tests.
 */
public final class TenantFixtures {
  public static final Duration WAIT = Duration.ofSeconds(30);

  public final KubernetesClient client;
  public final RegionFixtures regions;
  public final PostgresServer postgres = TestPostgres.server();
  public final RedisServerAddress redis = TestRedis.server();

  private final List<TestDatabase> regionDatabases = new ArrayList<>();
  private final List<String> tenants = new ArrayList<>();

  public TenantFixtures(KubernetesClient client) {
    this.client = client;
    this.regions = new RegionFixtures(client);
  }

  /** Remembers a tenant created without {@link #tenant}, so its data is dropped after the test. */
  public void track(String tenant) {
    tenants.add(tenant);
  }

  /** A throwaway database that serves as a Region's shared database. */
  public String regionDatabase() {
    TestDatabase database = TestPostgres.createDatabase();
    regionDatabases.add(database);
    return database.name();
  }

  /**
   * Drops what the tests' tenants left on the real servers: their databases, roles and Redis users,
   * and the Regions' shared databases.
   */
  public void dropTenantData() throws Exception {
    // Shared databases first: a role cannot be dropped while it holds privileges in one of them.
    for (TestDatabase database : regionDatabases) {
      database.close();
    }
    regionDatabases.clear();
    try (Connection admin = postgres.openConnection();
        Statement sql = admin.createStatement();
        RedisClient redisClient = RedisClient.create(redis.toRedisUri());
        var redisConnection = redisClient.connect()) {
      for (String tenant : tenants) {
        String identifier = TenantNames.postgresIdentifier(tenant);
        sql.execute("DROP DATABASE IF EXISTS \"" + identifier + "\" WITH (FORCE)");
        sql.execute("DROP ROLE IF EXISTS \"" + identifier + "\"");
        redisConnection.sync().aclDeluser("gl-" + tenant);
      }
    }
    tenants.clear();
  }

  /**
   * Dedicated servers for a cluster or physical tenant; in tests the same PostgreSQL and Redis play
   * them, named through Secrets of their own.
   */
  public TenantDataServices dedicatedServers(String tenant) {
    regions.postgresSecret(tenant + "-dedicated-pg", postgres, postgres.port());
    regions.redisSecret(tenant + "-dedicated-redis", redis, redis.username(), redis.password());
    TenantDataServices servers = new TenantDataServices();
    servers.setPostgres(
        new DataServiceConnection(
            new SecretReference(tenant + "-dedicated-pg", RegionFixtures.NAMESPACE)));
    servers.setRedis(
        new DataServiceConnection(
            new SecretReference(tenant + "-dedicated-redis", RegionFixtures.NAMESPACE)));
    return servers;
  }

  /**
   * A Ready EU Region with endpoints in-region, out of region and in-cluster, plus member clusters.
   */
  public Region readyRegion(String name, MockKubernetesApi... members) {
    regions.postgresSecret(name + "-pg", postgres, postgres.port(), regionDatabase());
    regions.redisSecret(name + "-redis", redis, redis.username(), redis.password());
    List<RegionCluster> clusters = new ArrayList<>();
    for (int i = 0; i < members.length; i++) {
      regions.kubeconfigSecret(name + "-member-" + i, members[i].kubeconfig());
      clusters.add(RegionFixtures.member("member-" + i, name + "-member-" + i));
    }
    regions.region(name, name + "-pg", name + "-redis", clusters.toArray(RegionCluster[]::new));
    client
        .resources(Region.class)
        .withName(name)
        .edit(
            r -> {
              r.getSpec().setSecondaryLocations(List.of("eu-west-1"));
              r.getSpec().getPostgres().setCidrs(List.of("10.20.0.0/16"));
              r.getSpec()
                  .setLlmEndpoints(
                      List.of(
                          endpoint("anthropic-eu", "https://api.anthropic.com", "eu-central-1"),
                          endpoint("openai-us", "https://api.openai.com:8443/v1", "us-east-1"),
                          endpoint("vllm-local", "http://vllm.models.svc:8000/v1", "local")));
              return r;
            });
    return await()
        .atMost(WAIT)
        .until(
            () -> client.resources(Region.class).withName(name).get(),
            r ->
                r.getStatus() != null
                    && r.getStatus()
                        .condition(RegionStatus.READY)
                        .map(c -> c.isTrue())
                        .orElse(false));
  }

  private static LlmEndpoint endpoint(String name, String url, String location) {
    LlmEndpoint endpoint = new LlmEndpoint();
    endpoint.setName(name);
    endpoint.setProvider(LlmProvider.OPENAI_COMPATIBLE);
    endpoint.setUrl(url);
    endpoint.setLocation(location);
    return endpoint;
  }

  public Tenant tenant(
      String name, IsolationLevel isolation, String region, Consumer<TenantSpec> customize) {
    TenantSpec spec = new TenantSpec();
    spec.setIsolation(isolation);
    spec.setRegion(region);
    spec.setTier(TenantTier.PROFESSIONAL);
    spec.setMembers(
        new ArrayList<>(
            List.of(
                new TenantMember(
                    SubjectKind.User, "ann@" + name + ".example", TenantRole.TENANT_ADMIN),
                new TenantMember(SubjectKind.Group, name + ":analysts", TenantRole.ANALYST))));
    customize.accept(spec);
    tenants.add(name);
    Tenant tenant = new Tenant();
    tenant.getMetadata().setName(name);
    tenant.setSpec(spec);
    return client.resource(tenant).create();
  }

  public Tenant awaitReady(String name, ConditionStatus status) {
    try {
      return awaitReadyOrTimeout(name, status);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "Tenant " + name + " not Ready=" + status + ": " + describe(name), e);
    }
  }

  private Tenant awaitReadyOrTimeout(String name, ConditionStatus status) {
    return await()
        .atMost(WAIT)
        .until(
            () -> client.resources(Tenant.class).withName(name).get(),
            t ->
                t != null
                    && t.getStatus() != null
                    && t.getStatus()
                        .condition(TenantStatus.READY)
                        .map(c -> c.getStatus() == status)
                        .orElse(false));
  }

  /** The Tenant's conditions as text, for failure messages. */
  public Object describe(String name) {
    return new Object() {
      @Override
      public String toString() {
        Tenant t = client.resources(Tenant.class).withName(name).get();
        return t == null || t.getStatus() == null
            ? "none"
            : t.getStatus().getConditions().toString();
      }
    };
  }

  /** Edits a Tenant, retrying when the operator wrote it in between (409 Conflict). */
  public void edit(String name, java.util.function.UnaryOperator<Tenant> change) {
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () -> {
              client.resources(Tenant.class).withName(name).edit(change);
              return true;
            });
  }

  public Tenant awaitReadyReason(String name, String reason) {
    return await()
        .atMost(WAIT)
        .until(
            () -> client.resources(Tenant.class).withName(name).get(),
            t ->
                t != null
                    && t.getStatus() != null
                    && t.getStatus()
                        .condition(TenantStatus.READY)
                        .map(c -> reason.equals(c.getReason()))
                        .orElse(false));
  }
}
