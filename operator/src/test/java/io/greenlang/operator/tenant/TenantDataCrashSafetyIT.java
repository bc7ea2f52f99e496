package io.greenlang.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.crds.tenant.TenantSpec;
import io.greenlang.crds.tenant.TenantTier;
import io.greenlang.operator.region.RegionFixtures;
import io.greenlang.operator.tenant.data.PostgresTenantDatabase;
import io.greenlang.operator.tenant.data.RedisTenantUser;
import io.greenlang.operator.tenant.data.TenantCredentials;
import io.greenlang.operator.tenant.data.TenantCredentialsSecret;
import io.greenlang.operator.tenant.data.TenantDataPlane;
import io.greenlang.operator.tenant.data.TenantDataServers;
import io.greenlang.testsupport.kubernetes.MockKubernetesApiResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Provisioning is stopped after each step (Secret written, role created, database created,
 * migrations run), in both orders a crash could leave, and the next full pass must finish the job:
 * one database, one role, one Secret whose password works, the schema migrated and the tenant
 * registered, and nothing else left behind.
 */
@QuarkusTest
@QuarkusTestResource(MockKubernetesApiResource.class)
class TenantDataCrashSafetyIT {
  @Inject TenantDataPlane dataPlane;
  @Inject TenantDataServers servers;
  @Inject TenantCredentialsSecret credentialsSecret;
  @Inject PostgresTenantDatabase postgres;
  @Inject RedisTenantUser redis;
  @Inject RegionPlacement placement;

  private KubernetesClient client;
  private TenantFixtures fixtures;

  @BeforeEach
  void setUp() {
    client = MockKubernetesApiResource.api().client();
    fixtures = new TenantFixtures(client);
  }

  @AfterEach
  void dropTenantData() throws Exception {
    fixtures.dropTenantData();
  }

  /**
   * Steps done before the "crash": a prefix of the order the operator uses, or an order it does
   * not.
   */
  @ParameterizedTest(name = "crash after: {0}")
  @ValueSource(
      strings = {
        "nothing",
        "secret",
        "secret,role",
        "secret,role,database",
        "secret,role,database,migrations",
        "role",
        "role,database",
        "database"
      })
  void nextPassCompletesWithoutDuplicatesOrOrphans(String doneBeforeCrash) throws Exception {
    String regionName = RegionFixtures.randomName("eu");
    Region region = fixtures.readyRegion(regionName);
    String name = RegionFixtures.randomName("crash");
    Tenant tenant = tenant(name, regionName);
    String namespace = TenantNames.namespace(name);
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    var placed = (TenantPlacement.Placed) placement.place(tenant, java.util.Optional.of(region));
    var admin = servers.resolve(tenant, region, placed.cluster());
    String role = TenantNames.postgresIdentifier(name);
    TenantCredentials wanted =
        new TenantCredentials(
            admin.postgres().host(),
            admin.postgres().port(),
            role,
            role,
            null,
            admin.redis().host(),
            admin.redis().port(),
            "gl-" + name,
            null,
            TenantNames.redisPrefix(name));

    List<String> steps = List.of(doneBeforeCrash.split(","));
    String password = "crashed-" + Long.toHexString(System.nanoTime());
    if (steps.contains("secret")) {
      password =
          credentialsSecret
              .ensure(client, tenant, namespace, wanted)
              .credentials()
              .postgresPassword();
    }
    if (steps.contains("role")) {
      postgres.ensureRole(admin.postgres(), role, password, true);
    }
    if (steps.contains("database")) {
      if (!steps.contains("role")) {
        postgres.ensureRole(admin.postgres(), role, password, true);
      }
      postgres.ensureDatabase(admin.postgres(), role, role);
    }
    if (steps.contains("migrations")) {
      postgres.migrateAndRegister(admin.postgres(), role, role, name);
    }

    TenantDataPlane.DataOutcome outcome = dataPlane.provision(tenant, placed, namespace);
    TenantDataPlane.DataOutcome again = dataPlane.provision(tenant, placed, namespace);

    assertThat(outcome.database().state())
        .as(outcome.database().message())
        .isEqualTo(ProvisioningOutcome.State.SYNCED);
    assertThat(outcome.cache().state()).isEqualTo(ProvisioningOutcome.State.SYNCED);
    assertThat(again.database().state()).isEqualTo(ProvisioningOutcome.State.SYNCED);
    assertThat(client.secrets().inNamespace(namespace).list().getItems()).hasSize(1);
    String issued =
        credentialsSecret
            .ensure(client, tenant, namespace, wanted)
            .credentials()
            .postgresPassword();
    try (Connection asTenant =
            DriverManager.getConnection(
                "jdbc:postgresql://"
                    + admin.postgres().host()
                    + ":"
                    + admin.postgres().port()
                    + "/"
                    + role,
                role,
                issued);
        Statement s = asTenant.createStatement();
        ResultSet r = s.executeQuery("SELECT greenlang.current_tenant()")) {
      r.next();
      assertThat(r.getString(1))
          .as("the Secret's password logs in and the tenant is registered")
          .isEqualTo(name);
    }
    try (Connection adminConnection = fixtures.postgres.openConnection();
        Statement s = adminConnection.createStatement()) {
      assertThat(names(s, "SELECT datname FROM pg_database WHERE datname LIKE '" + role + "%'"))
          .containsExactly(role);
      assertThat(names(s, "SELECT rolname FROM pg_roles WHERE rolname LIKE '" + role + "%'"))
          .containsExactly(role);
    }
    assertThat(redis.exists(admin.redis(), "gl-" + name)).isTrue();
  }

  private Tenant tenant(String name, String region) {
    TenantSpec spec = new TenantSpec();
    spec.setIsolation(IsolationLevel.DATABASE);
    spec.setRegion(region);
    spec.setTier(TenantTier.STARTER);
    Tenant tenant = new Tenant();
    tenant.getMetadata().setName(name);
    tenant.setSpec(spec);
    fixtures.track(name);
    return tenant;
  }

  private static List<String> names(Statement s, String sql) throws Exception {
    List<String> names = new ArrayList<>();
    try (ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        names.add(r.getString(1));
      }
    }
    return names;
  }
}
