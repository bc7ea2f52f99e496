package io.greenlang.operator.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionPhase;
import io.greenlang.crds.region.RegionStatus;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantSpec;
import io.greenlang.testsupport.PostgresServer;
import io.greenlang.testsupport.RedisServerAddress;
import io.greenlang.testsupport.TestPostgres;
import io.greenlang.testsupport.TestRedis;
import io.greenlang.testsupport.kubernetes.MockKubernetesApi;
import io.greenlang.testsupport.kubernetes.MockKubernetesApiResource;
import io.lettuce.core.RedisClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The Region controller against the fabric8 mock API server and the real PostgreSQL and Redis:
 * Ready when everything answers, NotReady with the reason when something does not, and back again.
 */
@QuarkusTest
@QuarkusTestResource(MockKubernetesApiResource.class)
class RegionReconcilerIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private KubernetesClient client;
  private RegionFixtures fixtures;
  private PostgresServer postgres;
  private RedisServerAddress redis;

  @BeforeEach
  void setUp(TestInfo test) {
    client = MockKubernetesApiResource.api().client();
    fixtures = new RegionFixtures(client);
    postgres = TestPostgres.server();
    redis = TestRedis.server();
  }

  @Test
  void becomesReadyWhenDatabaseCacheAndClusterAnswer() {
    String name = RegionFixtures.randomName("eu");
    fixtures.postgresSecret(name + "-pg", postgres, postgres.port());
    fixtures.redisSecret(name + "-redis", redis, redis.username(), redis.password());
    fixtures.region(name, name + "-pg", name + "-redis");

    Region region = awaitCondition(name, RegionStatus.READY, ConditionStatus.True);

    RegionStatus status = region.getStatus();
    assertThat(status.getPhase()).isEqualTo(RegionPhase.Ready);
    assertThat(status.getConditions())
        .extracting(Condition::getType)
        .containsExactly(
            "Ready", "SecretsResolved", "ClustersReachable", "DatabaseReachable", "CacheReachable");
    assertThat(status.getConditions()).allMatch(c -> c.getStatus() == ConditionStatus.True);
    assertThat(status.getConditions())
        .allMatch(c -> c.getObservedGeneration().equals(region.getMetadata().getGeneration()));
    assertThat(status.condition("DatabaseReachable").orElseThrow().getMessage())
        .contains("PostgreSQL", postgres.host() + ":" + postgres.port());
    assertThat(status.condition("CacheReachable").orElseThrow().getMessage()).contains("PONG");
    assertThat(status.getReachableClusters()).isEqualTo(1);
    assertThat(status.getObservedGeneration()).isEqualTo(region.getMetadata().getGeneration());
    await().atMost(WAIT).until(() -> eventReasons(name).contains("RegionReady"));
  }

  @Test
  void unreachableDatabaseIsReportedAndRecoveryIsNoticed() throws IOException {
    String name = RegionFixtures.randomName("eu-down");
    int closedPort = freePort();
    fixtures.postgresSecret(name + "-pg", postgres, closedPort);
    fixtures.redisSecret(name + "-redis", redis, redis.username(), redis.password());
    fixtures.region(name, name + "-pg", name + "-redis");

    Region region = awaitCondition(name, RegionStatus.DATABASE_REACHABLE, ConditionStatus.False);

    Condition database =
        region.getStatus().condition(RegionStatus.DATABASE_REACHABLE).orElseThrow();
    assertThat(database.getReason()).isEqualTo("ConnectionFailed");
    assertThat(database.getMessage()).contains(postgres.host() + ":" + closedPort);
    Condition ready = region.getStatus().condition(RegionStatus.READY).orElseThrow();
    assertThat(ready.getStatus()).isEqualTo(ConditionStatus.False);
    assertThat(ready.getReason()).isEqualTo("ConnectionFailed");
    assertThat(ready.getMessage()).startsWith("DatabaseReachable:");
    assertThat(region.getStatus().getPhase()).isEqualTo(RegionPhase.NotReady);
    assertThat(region.getStatus().condition(RegionStatus.CACHE_REACHABLE).orElseThrow().isTrue())
        .isTrue();
    await().atMost(WAIT).until(() -> eventReasons(name).contains("DatabaseUnreachable"));

    fixtures.postgresSecret(name + "-pg", postgres, postgres.port());
    awaitCondition(name, RegionStatus.READY, ConditionStatus.True);
  }

  @Test
  void missingSecretIsNamedAndProbesAreNotRun() {
    String name = RegionFixtures.randomName("eu-nosecret");
    fixtures.redisSecret(name + "-redis", redis, redis.username(), redis.password());
    fixtures.region(name, name + "-pg", name + "-redis");

    Region region = awaitCondition(name, RegionStatus.SECRETS_RESOLVED, ConditionStatus.False);

    Condition secrets = region.getStatus().condition(RegionStatus.SECRETS_RESOLVED).orElseThrow();
    assertThat(secrets.getReason()).isEqualTo("SecretNotFound");
    assertThat(secrets.getMessage())
        .isEqualTo("Secret " + RegionFixtures.NAMESPACE + "/" + name + "-pg not found");
    Condition database =
        region.getStatus().condition(RegionStatus.DATABASE_REACHABLE).orElseThrow();
    assertThat(database.getStatus()).isEqualTo(ConditionStatus.Unknown);
    assertThat(database.getReason()).isEqualTo("NotChecked");
    await().atMost(WAIT).until(() -> eventReasons(name).contains("SecretNotFound"));
  }

  @Test
  void wrongRedisPasswordIsAnAuthenticationFailureAndThePasswordIsNeverShown() {
    String name = RegionFixtures.randomName("eu-auth");
    String user = "gl-probe-" + name;
    String password = "pw-" + name + "-do-not-leak";
    try (RedisClient redisClient = RedisClient.create(redis.toRedisUri());
        var connection = redisClient.connect()) {
      connection
          .sync()
          .aclSetuser(
              user,
              io.lettuce.core.AclSetuserArgs.Builder.on()
                  .addPassword("the-right-one")
                  .allCommands()
                  .allKeys());
      fixtures.postgresSecret(name + "-pg", postgres, postgres.port());
      fixtures.redisSecret(name + "-redis", redis, user, password);
      fixtures.region(name, name + "-pg", name + "-redis");

      // A loaded machine may first time out connecting (ConnectionFailed); the next probe tells.
      Region region =
          await()
              .atMost(WAIT)
              .until(
                  () -> get(name),
                  r ->
                      r.getStatus() != null
                          && r.getStatus()
                              .condition(RegionStatus.CACHE_REACHABLE)
                              .map(c -> "AuthenticationFailed".equals(c.getReason()))
                              .orElse(false));

      Condition cache = region.getStatus().condition(RegionStatus.CACHE_REACHABLE).orElseThrow();
      assertThat(cache.getStatus()).isEqualTo(ConditionStatus.False);
      assertThat(cache.getReason()).isEqualTo("AuthenticationFailed");
      assertThat(client.resource(region).get().toString()).doesNotContain(password);
      await().atMost(WAIT).until(() -> eventReasons(name).contains("CacheUnreachable"));
      assertThat(events(name)).allSatisfy(e -> assertThat(e.getMessage()).doesNotContain(password));
      connection.sync().aclDeluser(user);
    }
  }

  @Test
  void statusIsNotRewrittenWhileNothingChanges() throws InterruptedException {
    String name = RegionFixtures.randomName("eu-quiet");
    fixtures.postgresSecret(name + "-pg", postgres, postgres.port());
    fixtures.redisSecret(name + "-redis", redis, redis.username(), redis.password());
    fixtures.region(name, name + "-pg", name + "-redis");
    Region ready = awaitCondition(name, RegionStatus.READY, ConditionStatus.True);
    int eventsBefore = events(name).size();

    // Checks run every second in tests; five intervals must leave the stored object untouched.
    Thread.sleep(5_000);

    Region later = client.resources(Region.class).withName(name).get();
    assertThat(later.getMetadata().getResourceVersion())
        .isEqualTo(ready.getMetadata().getResourceVersion());
    assertThat(events(name)).hasSize(eventsBefore);
  }

  @Test
  void countsTheTenantsPlacedInTheRegion() {
    String name = RegionFixtures.randomName("eu-tenants");
    fixtures.postgresSecret(name + "-pg", postgres, postgres.port());
    fixtures.redisSecret(name + "-redis", redis, redis.username(), redis.password());
    fixtures.region(name, name + "-pg", name + "-redis");
    awaitCondition(name, RegionStatus.READY, ConditionStatus.True);

    createTenant(RegionFixtures.randomName("acme"), name);
    createTenant(RegionFixtures.randomName("globex"), name);
    createTenant(RegionFixtures.randomName("other"), "somewhere-else");

    await()
        .atMost(WAIT)
        .until(() -> Integer.valueOf(2).equals(get(name).getStatus().getTenantCount()));
  }

  @Test
  void memberClustersAreProbedThroughTheirKubeconfig() throws IOException {
    String name = RegionFixtures.randomName("eu-members");
    try (MockKubernetesApi member = MockKubernetesApi.start()) {
      fixtures.postgresSecret(name + "-pg", postgres, postgres.port());
      fixtures.redisSecret(name + "-redis", redis, redis.username(), redis.password());
      fixtures.kubeconfigSecret(name + "-up", member.kubeconfig());
      fixtures.kubeconfigSecret(
          name + "-down",
          member.kubeconfig().replace(member.url(), "http://127.0.0.1:" + freePort()));
      fixtures.region(
          name,
          name + "-pg",
          name + "-redis",
          RegionFixtures.member("member-up", name + "-up"),
          RegionFixtures.member("member-down", name + "-down"));

      Region region = awaitCondition(name, RegionStatus.CLUSTERS_REACHABLE, ConditionStatus.False);

      assertThat(region.getStatus().getReachableClusters()).isEqualTo(2);
      assertThat(region.getStatus().getClusters())
          .extracting(c -> c.getName() + "=" + c.isReachable())
          .containsExactly("local=true", "member-up=true", "member-down=false");
      assertThat(
              region
                  .getStatus()
                  .condition(RegionStatus.CLUSTERS_REACHABLE)
                  .orElseThrow()
                  .getMessage())
          .startsWith("cluster member-down:");
      // A member cluster being down affects its tenants only; the Region itself stays Ready.
      assertThat(region.getStatus().condition(RegionStatus.READY).orElseThrow().isTrue()).isTrue();
    }
  }

  private void createTenant(String name, String region) {
    TenantSpec spec = new TenantSpec();
    spec.setIsolation(IsolationLevel.LOGICAL);
    spec.setRegion(region);
    Tenant tenant = new Tenant();
    tenant.getMetadata().setName(name);
    tenant.setSpec(spec);
    client.resource(tenant).create();
  }

  private Region get(String name) {
    return client.resources(Region.class).withName(name).get();
  }

  private Region awaitCondition(String name, String type, ConditionStatus status) {
    return await()
        .atMost(WAIT)
        .until(
            () -> get(name),
            r ->
                r.getStatus() != null
                    && r.getStatus()
                        .condition(type)
                        .map(c -> c.getStatus() == status)
                        .orElse(false));
  }

  private List<Event> events(String regionName) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> regionName.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  private List<String> eventReasons(String regionName) {
    return events(regionName).stream().map(Event::getReason).toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
