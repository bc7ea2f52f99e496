package io.greenlang.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.pipelinerun.PipelineReference;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunSpec;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.DeletionPolicy;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantPhase;
import io.greenlang.crds.tenant.TenantStatus;
import io.greenlang.operator.region.RegionFixtures;
import io.greenlang.runtime.schema.audit.AuditLedgerClient;
import io.greenlang.runtime.schema.audit.ChainHead;
import io.greenlang.testsupport.kubernetes.MockKubernetesApi;
import io.greenlang.testsupport.kubernetes.MockKubernetesApiResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Tenant over time: waiting for its Region, riding out a Region outage, being reconciled again
 * and again without writes (to the API server or its audit chain), and being deleted under both
 * deletion policies and behind a running PipelineRun.
 */
@QuarkusTest
@QuarkusTestResource(MockKubernetesApiResource.class)
class TenantLifecycleIT {
  @Inject TenantProvisioning provisioning;

  private KubernetesClient client;
  private MockKubernetesApi api;
  private TenantFixtures fixtures;

  @AfterEach
  void dropTenantData() throws Exception {
    fixtures.dropTenantData();
  }

  @BeforeEach
  void setUp() {
    api = MockKubernetesApiResource.api();
    client = api.client();
    fixtures = new TenantFixtures(client);
  }

  @Test
  void waitsForAMissingRegionAndForARegionThatIsNotReady() {
    String region = RegionFixtures.randomName("eu-late");
    String name = RegionFixtures.randomName("early");
    fixtures.tenant(name, IsolationLevel.DATABASE, region, spec -> {});

    Tenant waiting = fixtures.awaitReadyReason(name, "RegionNotFound");
    assertThat(waiting.getStatus().getPhase()).isEqualTo(TenantPhase.Pending);
    assertThat(waiting.getStatus().condition(TenantStatus.READY).orElseThrow().getMessage())
        .isEqualTo("Region \"" + region + "\" not found; the Tenant waits for it");
    assertThat(
            waiting
                .getStatus()
                .condition(TenantStatus.RESIDENCY_COMPLIANT)
                .orElseThrow()
                .getStatus())
        .isEqualTo(ConditionStatus.Unknown);
    assertThat(client.namespaces().withName("gl-" + name).get()).isNull();

    fixtures.readyRegion(region);
    fixtures.awaitReady(name, ConditionStatus.True);
  }

  @Test
  void regionOutageDegradesTheTenantAndRecoveryRestoresIt() {
    String region = RegionFixtures.randomName("eu-flaky");
    fixtures.readyRegion(region);
    String name = RegionFixtures.randomName("steady");
    fixtures.tenant(name, IsolationLevel.DATABASE, region, spec -> {});
    fixtures.awaitReady(name, ConditionStatus.True);

    fixtures.regions.postgresSecret(region + "-pg", fixtures.postgres, 1);
    Tenant degraded = fixtures.awaitReadyReason(name, "RegionNotReady");
    assertThat(degraded.getStatus().getPhase()).isEqualTo(TenantPhase.Degraded);
    assertThat(degraded.getStatus().getNamespaces()).containsExactly("gl-" + name);
    assertThat(client.namespaces().withName("gl-" + name).get())
        .as("objects stay in place")
        .isNotNull();

    fixtures.regions.postgresSecret(region + "-pg", fixtures.postgres, fixtures.postgres.port());
    Tenant back = fixtures.awaitReady(name, ConditionStatus.True);
    assertThat(back.getStatus().getPhase()).isEqualTo(TenantPhase.Ready);
  }

  @Test
  void aReadyTenantReconciledTwentyMoreTimesWritesNothing() throws Exception {
    String region = RegionFixtures.randomName("eu");
    fixtures.readyRegion(region);
    String name = RegionFixtures.randomName("idem");
    fixtures.tenant(name, IsolationLevel.DATABASE, region, spec -> {});
    Tenant ready = fixtures.awaitReady(name, ConditionStatus.True);
    Region placedIn = client.resources(Region.class).withName(region).get();
    ChainHead headBefore = auditHead(name);
    assertThat(headBefore.lastSequence()).as("provisioning and members recorded").isEqualTo(3);
    api.takeRequests();

    for (int pass = 0; pass < 20; pass++) {
      ProvisioningOutcome outcome = provisioning.provision(ready, Optional.of(placedIn));
      assertThat(outcome.allSynced()).isTrue();
      assertThat(outcome.writes().wrote()).as("writes in pass %d", pass).isFalse();
      TenantStatus status =
          TenantStatusAggregator.aggregate(
              ready, outcome, ready.getStatus().getUsage().getAgents(), Instant.now());
      assertThat(io.greenlang.operator.status.StatusChange.differs(ready.getStatus(), status))
          .isFalse();
    }

    List<String> writes =
        api.takeRequests().stream()
            .filter(r -> !r.startsWith("GET "))
            .filter(r -> r.contains(name))
            .toList();
    assertThat(writes).as("writes to the API server for tenant %s", name).isEmpty();
    assertThat(auditHead(name)).as("entries appended to the audit chain").isEqualTo(headBefore);
  }

  /** The head of the tenant's audit chain in its own database. */
  private ChainHead auditHead(String tenant) throws Exception {
    try (var c =
        fixtures.postgres.openConnection(
            io.greenlang.crds.tenant.TenantNames.postgresIdentifier(tenant))) {
      return new AuditLedgerClient().head(c, tenant).orElseThrow();
    }
  }

  @Test
  void deletePolicyRemovesTheNamespace() throws Exception {
    String region = RegionFixtures.randomName("eu");
    fixtures.readyRegion(region);
    String name = RegionFixtures.randomName("gone");
    fixtures.tenant(
        name,
        IsolationLevel.DATABASE,
        region,
        spec -> spec.setDeletionPolicy(DeletionPolicy.Delete));
    fixtures.awaitReady(name, ConditionStatus.True);
    assertThat(client.resources(Tenant.class).withName(name).get().getMetadata().getFinalizers())
        .isNotEmpty();

    client.resources(Tenant.class).withName(name).delete();

    await()
        .atMost(TenantFixtures.WAIT)
        .until(() -> client.resources(Tenant.class).withName(name).get() == null);
    assertThat(client.namespaces().withName("gl-" + name).get()).isNull();
    assertThat(eventReasons(name)).contains("TenantDeleted");
    assertThat(databaseAndRole(name)).as("database and role dropped").isEqualTo("0/0");
  }

  @Test
  void retainPolicyKeepsTheNamespaceAndRevokesAccess() throws Exception {
    String region = RegionFixtures.randomName("eu");
    fixtures.readyRegion(region);
    String name = RegionFixtures.randomName("kept");
    fixtures.tenant(name, IsolationLevel.DATABASE, region, spec -> {});
    fixtures.awaitReady(name, ConditionStatus.True);

    client.resources(Tenant.class).withName(name).delete();

    await()
        .atMost(TenantFixtures.WAIT)
        .until(() -> client.resources(Tenant.class).withName(name).get() == null);
    var namespace = client.namespaces().withName("gl-" + name).get();
    assertThat(namespace).isNotNull();
    assertThat(namespace.getMetadata().getLabels()).containsEntry("greenlang.io/retained", "true");
    assertThat(namespace.getMetadata().getAnnotations()).containsKey("greenlang.io/retained-at");
    assertThat(client.resources(RoleBinding.class).inNamespace("gl-" + name).list().getItems())
        .isEmpty();
    assertThat(client.configMaps().inNamespace("gl-" + name).withName("greenlang-tenant").get())
        .isNull();
    assertThat(eventReasons(name)).contains("TenantDataRetained");
    assertThat(databaseAndRole(name)).as("database and role retained").isEqualTo("1/1");
    assertThat(client.secrets().inNamespace("gl-" + name).withName("greenlang-credentials").get())
        .as("credentials retained with the data")
        .isNotNull();
  }

  @Test
  void logicalTenantDeletionRemovesOnlyItsRegistration() {
    String region = RegionFixtures.randomName("eu");
    fixtures.readyRegion(region);
    String name = RegionFixtures.randomName("small");
    fixtures.tenant(
        name,
        IsolationLevel.LOGICAL,
        region,
        spec -> spec.setDeletionPolicy(DeletionPolicy.Delete));
    fixtures.awaitReady(name, ConditionStatus.True);

    client.resources(Tenant.class).withName(name).delete();

    await()
        .atMost(TenantFixtures.WAIT)
        .until(() -> client.resources(Tenant.class).withName(name).get() == null);
    assertThat(client.configMaps().inNamespace("gl-shared").withName("tenant-" + name).get())
        .isNull();
    assertThat(client.namespaces().withName("gl-shared").get())
        .as("the shared namespace stays")
        .isNotNull();
  }

  @Test
  void deletionWaitsForUnfinishedPipelineRuns() {
    String region = RegionFixtures.randomName("eu");
    fixtures.readyRegion(region);
    String name = RegionFixtures.randomName("busy");
    fixtures.tenant(
        name,
        IsolationLevel.DATABASE,
        region,
        spec -> spec.setDeletionPolicy(DeletionPolicy.Delete));
    fixtures.awaitReady(name, ConditionStatus.True);
    PipelineRun run = new PipelineRun();
    run.getMetadata().setName("q1");
    run.getMetadata().setNamespace("gl-" + name);
    PipelineRunSpec spec = new PipelineRunSpec();
    spec.setPipelineRef(new PipelineReference("cbam"));
    run.setSpec(spec);
    client.resource(run).create();

    client.resources(Tenant.class).withName(name).delete();

    Tenant blocked = fixtures.awaitReadyReason(name, "WaitingForPipelineRuns");
    assertThat(blocked.getStatus().getPhase()).isEqualTo(TenantPhase.Deleting);
    assertThat(blocked.getStatus().condition(TenantStatus.READY).orElseThrow().getMessage())
        .isEqualTo("deletion waits for 1 unfinished PipelineRun(s): gl-" + name + "/q1");
    assertThat(client.namespaces().withName("gl-" + name).get()).isNotNull();

    client
        .resources(PipelineRun.class)
        .inNamespace("gl-" + name)
        .withName("q1")
        .editStatus(
            r -> {
              PipelineRunStatus status = new PipelineRunStatus();
              status.setPhase(RunPhase.Succeeded);
              r.setStatus(status);
              return r;
            });
    await()
        .atMost(TenantFixtures.WAIT)
        .until(() -> client.resources(Tenant.class).withName(name).get() == null);
    assertThat(client.namespaces().withName("gl-" + name).get()).isNull();
  }

  /** How many databases and roles named for the tenant exist, as "databases/roles". */
  private String databaseAndRole(String tenant) throws Exception {
    String identifier = io.greenlang.crds.tenant.TenantNames.postgresIdentifier(tenant);
    try (var c = fixtures.postgres.openConnection();
        var s = c.createStatement();
        var r =
            s.executeQuery(
                "SELECT (SELECT count(*) FROM pg_database WHERE datname = '"
                    + identifier
                    + "'),"
                    + " (SELECT count(*) FROM pg_roles WHERE rolname = '"
                    + identifier
                    + "')")) {
      r.next();
      return r.getLong(1) + "/" + r.getLong(2);
    }
  }

  private List<String> eventReasons(String tenant) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> tenant.equals(e.getInvolvedObject().getName()))
        .map(e -> e.getReason())
        .toList();
  }
}
