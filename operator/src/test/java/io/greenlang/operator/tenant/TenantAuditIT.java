package io.greenlang.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.DeletionPolicy;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.SlaTier;
import io.greenlang.crds.tenant.SubjectKind;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantMember;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.crds.tenant.TenantRole;
import io.greenlang.crds.tenant.TenantTier;
import io.greenlang.operator.audit.AgentAuditTrail;
import io.greenlang.operator.audit.TenantAuditTrail;
import io.greenlang.operator.region.RegionFixtures;
import io.greenlang.operator.region.SecretValues;
import io.greenlang.operator.tenant.data.PostgresTenantDatabase;
import io.greenlang.operator.tenant.data.TenantCredentialsSecret;
import io.greenlang.operator.tenant.data.TenantDataPlane;
import io.greenlang.operator.tenant.data.TenantDatabaseAddress;
import io.greenlang.runtime.schema.audit.ArchivedChain;
import io.greenlang.runtime.schema.audit.AuditArchive;
import io.greenlang.runtime.schema.audit.AuditChainVerifier;
import io.greenlang.runtime.schema.audit.AuditEntry;
import io.greenlang.runtime.schema.audit.AuditEventType;
import io.greenlang.runtime.schema.audit.AuditLedgerClient;
import io.greenlang.runtime.schema.audit.ChainVerification;
import io.greenlang.testsupport.kubernetes.MockKubernetesApiResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Tenant's lifecycle in its audit chain, as the operator records it: provisioning and members,
 * spec and member changes, a credential rotation, the deletion request; nothing for a reconcile
 * that finds nothing new, not even after a restart; and under deletionPolicy Delete the chain of a
 * tenant whose database is dropped still verifies from the Region's archive. Also the Agent
 * lifecycle events the Agent reconciler records through {@link AgentAuditTrail}.
 */
@QuarkusTest
@QuarkusTestResource(MockKubernetesApiResource.class)
class TenantAuditIT {
  private static final String OPERATOR = "system:greenlang-operator";

  @Inject TenantDataPlane dataPlane;
  @Inject AgentAuditTrail agentTrail;

  private KubernetesClient client;
  private TenantFixtures fixtures;
  private final AuditLedgerClient ledger = new AuditLedgerClient();

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
  void provisioningChangesAndRotationAreRecordedOnceEach() throws Exception {
    String region = RegionFixtures.randomName("eu");
    fixtures.readyRegion(region);
    String name = RegionFixtures.randomName("audited");
    fixtures.tenant(name, IsolationLevel.DATABASE, region, spec -> {});
    fixtures.awaitReady(name, ConditionStatus.True);
    String database = TenantNames.postgresIdentifier(name);

    List<AuditEntry> provisioned = awaitChain(database, name, 3);
    assertThat(provisioned)
        .extracting(e -> e.eventType() + " " + e.target())
        .containsExactly(
            "tenant.settings_changed tenant:" + name,
            "user.created member:Group/" + name + ":analysts",
            "user.created member:User/ann@" + name + ".example");
    assertThat(provisioned).allSatisfy(e -> assertThat(e.actor()).isEqualTo(OPERATOR));
    assertThat(provisioned.get(0).details())
        .contains("\"change\":\"provisioned\"", "\"tier\":\"PROFESSIONAL\"");

    client
        .secrets()
        .inNamespace("gl-" + name)
        .withName(TenantCredentialsSecret.NAME)
        .edit(
            s -> {
              s.getMetadata().getAnnotations().put(TenantCredentialsSecret.ROTATE_ANNOTATION, "r1");
              return s;
            });
    fixtures.edit(
        name,
        t -> {
          t.getSpec().setTier(TenantTier.ENTERPRISE);
          t.getSpec().setSla(SlaTier.ENHANCED);
          t.getSpec().getMembers().get(0).setRole(TenantRole.AUDITOR);
          t.getSpec().getMembers().remove(1);
          t.getSpec()
              .getMembers()
              .add(
                  new TenantMember(SubjectKind.User, "bo@" + name + ".example", TenantRole.VIEWER));
          return t;
        });

    List<AuditEntry> changed = awaitChain(database, name, 9);
    // One reconcile sees the spec change; the rotation may be seen by it or by one before.
    assertThat(changed.subList(3, changed.size()))
        .extracting(e -> e.eventType() + " " + e.target())
        .containsExactlyInAnyOrder(
            "tenant.settings_changed tenant:" + name,
            "sla.updated tenant:" + name,
            "user.deleted member:Group/" + name + ":analysts",
            "user.created member:User/bo@" + name + ".example",
            "user.role_changed member:User/ann@" + name + ".example",
            "user.password_reset credentials:gl-" + name + "/greenlang-credentials");
    assertThat(entry(changed, "tenant.settings_changed", 3).details())
        .contains("\"tier\":{\"from\":\"PROFESSIONAL\",\"to\":\"ENTERPRISE\"}");
    assertThat(entry(changed, "user.password_reset", 3).details())
        .contains("\"rotation\":\"r1\"", "\"postgresRole\":\"" + database + "\"")
        .doesNotContain("password\":");

    // Reconciled again and again, and by a restarted operator (nothing cached): nothing new.
    Tenant settled = fixtures.awaitReady(name, ConditionStatus.True);
    Region placedIn = client.resources(Region.class).withName(region).get();
    TenantDatabaseAddress at = dataPlane.address(settled, placedIn).orElseThrow();
    TenantAuditTrail restarted = new TenantAuditTrail(new PostgresTenantDatabase());
    for (int pass = 0; pass < 5; pass++) {
      assertThat(
              restarted.recordTenant(
                  settled, at, "r1", settled.getStatus().getCredentialsSecretRef()))
          .isZero();
    }
    assertThat(chain(database, name)).hasSize(9);
    assertIntact(database, name, 9);
  }

  @Test
  void deletePolicyArchivesTheChainBeforeTheDatabaseIsDropped() throws Exception {
    String region = RegionFixtures.randomName("eu");
    fixtures.readyRegion(region);
    String name = RegionFixtures.randomName("purged");
    fixtures.tenant(
        name,
        IsolationLevel.DATABASE,
        region,
        spec -> spec.setDeletionPolicy(DeletionPolicy.Delete));
    fixtures.awaitReady(name, ConditionStatus.True);
    String database = TenantNames.postgresIdentifier(name);
    List<AuditEntry> before = awaitChain(database, name, 3);

    client.resources(Tenant.class).withName(name).delete();
    await()
        .atMost(TenantFixtures.WAIT)
        .until(() -> client.resources(Tenant.class).withName(name).get() == null);

    try (Connection admin = fixtures.postgres.openConnection();
        ResultSet gone =
            admin
                .createStatement()
                .executeQuery(
                    "SELECT count(*) FROM pg_database WHERE datname = '" + database + "'")) {
      gone.next();
      assertThat(gone.getLong(1)).as("the tenant's database is dropped").isZero();
    }
    try (Connection regionDb = fixtures.postgres.openConnection(regionDatabase(region))) {
      AuditArchive archive = new AuditArchive();
      ArchivedChain kept = archive.archives(regionDb, name).get(0);
      assertThat(kept.intact()).isTrue();
      assertThat(kept.entries()).isEqualTo(4);
      assertThat(kept.source()).endsWith("/" + database);
      ChainVerification verification = archive.verify(regionDb, kept.archiveId());
      assertThat(verification.intact()).isTrue();
      assertThat(verification.entriesChecked()).isEqualTo(4);
      try (ResultSet entries =
          regionDb
              .createStatement()
              .executeQuery(
                  "SELECT sequence, event_type, actor, hash FROM greenlang.audit_archive_entries"
                      + " WHERE archive_id = '"
                      + kept.archiveId()
                      + "' ORDER BY position")) {
        for (AuditEntry original : before) {
          entries.next();
          assertThat(entries.getString(4))
              .as("entry %d keeps its hash", original.sequence())
              .isEqualTo(original.hash());
        }
        entries.next();
        assertThat(entries.getString(2)).isEqualTo("compliance.data_deletion_request");
        assertThat(entries.getString(3)).isEqualTo(OPERATOR);
      }
    }
  }

  @Test
  void logicalAndRetainedTenantsKeepTheirChainWhereItIs() throws Exception {
    String region = RegionFixtures.randomName("eu");
    fixtures.readyRegion(region);
    String small = RegionFixtures.randomName("small");
    fixtures.tenant(
        small,
        IsolationLevel.LOGICAL,
        region,
        spec -> spec.setDeletionPolicy(DeletionPolicy.Delete));
    String kept = RegionFixtures.randomName("kept");
    fixtures.tenant(kept, IsolationLevel.DATABASE, region, spec -> {});
    fixtures.awaitReady(small, ConditionStatus.True);
    fixtures.awaitReady(kept, ConditionStatus.True);
    String shared = regionDatabase(region);
    awaitChain(shared, small, 3);
    awaitChain(TenantNames.postgresIdentifier(kept), kept, 3);

    client.resources(Tenant.class).withName(small).delete();
    client.resources(Tenant.class).withName(kept).delete();
    await()
        .atMost(TenantFixtures.WAIT)
        .until(
            () ->
                client.resources(Tenant.class).withName(small).get() == null
                    && client.resources(Tenant.class).withName(kept).get() == null);

    List<AuditEntry> smallChain = chain(shared, small);
    assertThat(smallChain.get(smallChain.size() - 1).eventType())
        .isEqualTo("compliance.data_deletion_request");
    assertIntact(shared, small, 4);
    List<AuditEntry> keptChain = chain(TenantNames.postgresIdentifier(kept), kept);
    assertThat(keptChain.get(keptChain.size() - 1).eventType())
        .isEqualTo("tenant.settings_changed");
    assertThat(keptChain.get(keptChain.size() - 1).details())
        .contains("\"change\":\"deleted\"", "\"deletionPolicy\":\"Retain\"");
    assertIntact(TenantNames.postgresIdentifier(kept), kept, 4);
  }

  @Test
  void agentLifecycleEventsAreRecordedOncePerTransition() throws Exception {
    String region = RegionFixtures.randomName("eu");
    fixtures.readyRegion(region);
    String name = RegionFixtures.randomName("agents");
    fixtures.tenant(
        name, IsolationLevel.DATABASE, region, spec -> spec.setMembers(new ArrayList<>()));
    Tenant tenant = fixtures.awaitReady(name, ConditionStatus.True);
    Region placedIn = client.resources(Region.class).withName(region).get();
    String database = TenantNames.postgresIdentifier(name);
    awaitChain(database, name, 1);
    Agent agent = agent("gl-" + name, "intake", "uid-1", 1L);

    assertThat(agentTrail.record(tenant, placedIn, agent, AuditEventType.AGENT_CREATED, Map.of()))
        .isTrue();
    for (int pass = 0; pass < 3; pass++) {
      agentTrail.record(tenant, placedIn, agent, AuditEventType.AGENT_CREATED, Map.of());
      agentTrail.record(
          tenant, placedIn, agent, AuditEventType.AGENT_DEPLOYED, Map.of("replicas", 2));
    }
    Agent paused = agent("gl-" + name, "intake", "uid-1", 2L);
    assertThat(agentTrail.record(tenant, placedIn, paused, AuditEventType.AGENT_STOPPED, null))
        .isTrue();
    assertThat(agentTrail.record(tenant, placedIn, paused, AuditEventType.AGENT_DELETED, null))
        .isTrue();
    assertThat(agentTrail.record(tenant, placedIn, paused, AuditEventType.AGENT_DELETED, null))
        .isFalse();
    Agent again = agent("gl-" + name, "intake", "uid-2", 1L);
    assertThat(agentTrail.record(tenant, placedIn, again, AuditEventType.AGENT_CREATED, null))
        .as("an Agent created again under the same name is a new agent")
        .isTrue();
    assertThatThrownBy(
            () -> agentTrail.record(tenant, placedIn, again, AuditEventType.AGENT_EXECUTED, null))
        .isInstanceOf(IllegalArgumentException.class);

    List<AuditEntry> chain = chain(database, name);
    assertThat(chain.subList(1, chain.size()))
        .extracting(e -> e.eventType() + " " + e.target() + " " + e.details())
        .containsExactly(
            "agent.created agent:gl-" + name + "/intake {\"uid\":\"uid-1\"}",
            "agent.deployed agent:gl-"
                + name
                + "/intake"
                + " {\"generation\":1,\"replicas\":2,\"uid\":\"uid-1\"}",
            "agent.stopped agent:gl-" + name + "/intake {\"generation\":2,\"uid\":\"uid-1\"}",
            "agent.deleted agent:gl-" + name + "/intake {\"uid\":\"uid-1\"}",
            "agent.created agent:gl-" + name + "/intake {\"uid\":\"uid-2\"}");
    assertIntact(database, name, 6);
  }

  private static Agent agent(String namespace, String name, String uid, long generation) {
    Agent agent = new Agent();
    agent.getMetadata().setNamespace(namespace);
    agent.getMetadata().setName(name);
    agent.getMetadata().setUid(uid);
    agent.getMetadata().setGeneration(generation);
    return agent;
  }

  private static AuditEntry entry(List<AuditEntry> chain, String type, int from) {
    return chain.subList(from, chain.size()).stream()
        .filter(e -> e.eventType().equals(type))
        .findFirst()
        .orElseThrow();
  }

  private List<AuditEntry> awaitChain(String database, String tenant, int entries) {
    return await()
        .atMost(TenantFixtures.WAIT)
        .ignoreExceptions()
        .until(() -> chain(database, tenant), chain -> chain.size() >= entries);
  }

  /** The tenant's chain, read as the superuser (who row level security does not limit). */
  private List<AuditEntry> chain(String database, String tenant) throws SQLException {
    try (Connection admin = fixtures.postgres.openConnection(database)) {
      return ledger.read(admin, tenant, 1, Long.MAX_VALUE, 1000);
    }
  }

  private void assertIntact(String database, String tenant, long entries) throws SQLException {
    try (Connection admin = fixtures.postgres.openConnection(database)) {
      ChainVerification verification = new AuditChainVerifier().verify(admin, tenant);
      assertThat(verification.intact()).as("%s", verification.brokenLink()).isTrue();
      assertThat(verification.entriesChecked()).isEqualTo(entries);
    }
  }

  private String regionDatabase(String region) {
    return SecretValues.of(
            client.secrets().inNamespace(RegionFixtures.NAMESPACE).withName(region + "-pg").get())
        .get("database");
  }
}
