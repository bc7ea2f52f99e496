package io.greenlang.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.PhysicalIsolation;
import io.greenlang.crds.tenant.QuotaOverrides;
import io.greenlang.crds.tenant.SubjectKind;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantMember;
import io.greenlang.crds.tenant.TenantPhase;
import io.greenlang.crds.tenant.TenantRole;
import io.greenlang.crds.tenant.TenantStatus;
import io.greenlang.operator.region.RegionFixtures;
import io.greenlang.testsupport.kubernetes.MockKubernetesApi;
import io.greenlang.testsupport.kubernetes.MockKubernetesApiResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the operator creates for a Tenant at each isolation level, where and with which labels,
 * policies and bindings, on the mock API server (a second one plays the dedicated member cluster).
 */
@QuarkusTest
@QuarkusTestResource(MockKubernetesApiResource.class)
class TenantProvisioningIT {
  private static final List<String> ALL_POLICIES =
      List.of(
          "greenlang-allow-data-services",
          "greenlang-allow-dns",
          "greenlang-allow-llm-endpoints",
          "greenlang-allow-operator",
          "greenlang-allow-same-namespace",
          "greenlang-default-deny");

  private KubernetesClient client;
  private TenantFixtures fixtures;

  @AfterEach
  void dropTenantData() throws Exception {
    fixtures.dropTenantData();
  }

  @BeforeEach
  void setUp() {
    client = MockKubernetesApiResource.api().client();
    fixtures = new TenantFixtures(client);
  }

  @Test
  void logicalTenantIsRegisteredInTheGovernedSharedNamespace() throws Exception {
    String region = RegionFixtures.randomName("eu");
    fixtures.readyRegion(region);
    String name = RegionFixtures.randomName("bakery");
    fixtures.tenant(name, IsolationLevel.LOGICAL, region, spec -> {});

    Tenant tenant = fixtures.awaitReady(name, ConditionStatus.True);

    assertThat(tenant.getStatus().getNamespaces()).containsExactly("gl-shared");
    assertThat(tenant.getStatus().getCluster()).isEqualTo("local");
    assertThat(tenant.getStatus().getPhase()).isEqualTo(TenantPhase.Ready);
    assertThat(tenant.getStatus().getConditions())
        .extracting(Condition::getType)
        .containsExactlyElementsOf(TenantStatus.CONDITION_TYPES);
    assertThat(tenant.getStatus().getConditions()).allMatch(Condition::isTrue);
    assertThat(tenant.getStatus().condition(TenantStatus.RBAC_READY).orElseThrow().getMessage())
        .contains("authorised by the runtime API");
    assertThat(client.namespaces().withName("gl-" + name).get()).isNull();

    Namespace shared = client.namespaces().withName("gl-shared").get();
    assertThat(shared.getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted")
        .containsEntry("greenlang.io/shared", "true")
        .containsEntry("app.kubernetes.io/managed-by", "greenlang-operator");
    assertThat(policyNames("gl-shared")).containsExactlyElementsOf(ALL_POLICIES);
    assertThat(
            client
                .resources(ResourceQuota.class)
                .inNamespace("gl-shared")
                .withName("greenlang-quota")
                .get())
        .isNotNull();
    assertThat(
            client
                .resources(LimitRange.class)
                .inNamespace("gl-shared")
                .withName("greenlang-limits")
                .get())
        .isNotNull();
    ConfigMap registration =
        client.configMaps().inNamespace("gl-shared").withName("tenant-" + name).get();
    assertThat(registration.getMetadata().getLabels())
        .containsEntry("greenlang.io/tenant", name)
        .containsEntry("greenlang.io/region", region)
        .containsEntry("greenlang.io/isolation", "logical")
        .containsEntry("greenlang.io/tier", "PROFESSIONAL");
    assertThat(registration.getData().get("tenant.json"))
        .contains("\"agents\" : 1000", "\"role\" : \"tenant_admin\"", "\"cluster\" : \"local\"");
    assertThat(
            client
                .resources(RoleBinding.class)
                .inNamespace("gl-shared")
                .withLabel("greenlang.io/tenant", name)
                .list()
                .getItems())
        .isEmpty();
  }

  @Test
  void databaseTenantGetsItsOwnGovernedNamespace() {
    String region = RegionFixtures.randomName("eu");
    fixtures.readyRegion(region);
    String name = RegionFixtures.randomName("nordic");
    fixtures.tenant(
        name,
        IsolationLevel.DATABASE,
        region,
        spec -> {
          QuotaOverrides overrides = new QuotaOverrides();
          overrides.setAgents(25);
          overrides.setStorageGb(40);
          spec.setQuotas(overrides);
          spec.getMembers()
              .add(
                  new TenantMember(SubjectKind.ServiceAccount, "erp-sync", TenantRole.API_SERVICE));
        });

    Tenant tenant = fixtures.awaitReady(name, ConditionStatus.True);
    String namespace = "gl-" + name;

    assertThat(tenant.getStatus().getNamespaces()).containsExactly(namespace);
    assertThat(tenant.getStatus().getDatabase())
        .isEqualTo(name.replace('-', '_').replaceFirst("^", "gl_"));
    assertThat(tenant.getStatus().getCredentialsSecretRef().toString())
        .isEqualTo(namespace + "/greenlang-credentials");
    assertThat(tenant.getStatus().condition(TenantStatus.CACHE_READY).orElseThrow().getMessage())
        .startsWith("ACL user gl-" + name + " limited to t:" + name + ":*");
    Namespace ns = client.namespaces().withName(namespace).get();
    assertThat(ns.getMetadata().getLabels())
        .containsEntry("greenlang.io/tenant", name)
        .containsEntry("greenlang.io/region", region)
        .containsEntry("greenlang.io/isolation", "database")
        .containsEntry("greenlang.io/tier", "PROFESSIONAL")
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");

    ResourceQuota quota =
        client
            .resources(ResourceQuota.class)
            .inNamespace(namespace)
            .withName("greenlang-quota")
            .get();
    assertThat(quota.getSpec().getHard())
        .containsEntry(
            "count/agents.greenlang.io", new io.fabric8.kubernetes.api.model.Quantity("25"))
        .containsEntry("requests.storage", new io.fabric8.kubernetes.api.model.Quantity("40Gi"))
        .containsEntry("pods", new io.fabric8.kubernetes.api.model.Quantity("500"))
        .containsKeys("requests.cpu", "limits.cpu", "requests.memory", "limits.memory");
    assertThat(
            client
                .resources(LimitRange.class)
                .inNamespace(namespace)
                .withName("greenlang-limits")
                .get())
        .isNotNull();

    assertThat(policyNames(namespace)).containsExactlyElementsOf(ALL_POLICIES);
    NetworkPolicy deny = policy(namespace, "greenlang-default-deny");
    assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(deny.getSpec().getIngress()).isEmpty();
    assertThat(deny.getSpec().getEgress()).isEmpty();
    NetworkPolicy data = policy(namespace, "greenlang-allow-data-services");
    assertThat(data.getSpec().getEgress())
        .extracting(
            r ->
                r.getPorts().get(0).getPort().getIntVal()
                    + " "
                    + r.getTo().stream().map(p -> p.getIpBlock().getCidr()).toList())
        .containsExactly(
            fixtures.postgres.port() + " [10.20.0.0/16]", fixtures.redis.port() + " []");
    NetworkPolicy operator = policy(namespace, "greenlang-allow-operator");
    assertThat(
            operator
                .getSpec()
                .getIngress()
                .get(0)
                .getFrom()
                .get(0)
                .getNamespaceSelector()
                .getMatchLabels())
        .containsEntry("kubernetes.io/metadata.name", "greenlang-system");
    assertThat(llmPorts(namespace)).containsExactly(443, 8443, 8000);

    assertThat(bindings(namespace))
        .containsOnly(
            Map.entry("User/ann@" + name + ".example", "greenlang-tenant_admin"),
            Map.entry("Group/" + name + ":analysts", "greenlang-analyst"),
            Map.entry("ServiceAccount/erp-sync@" + namespace, "greenlang-api_service"));
    assertThat(client.configMaps().inNamespace(namespace).withName("greenlang-tenant").get())
        .isNotNull();
  }

  @Test
  void clusterTenantIsProvisionedInItsDedicatedMemberCluster() {
    try (MockKubernetesApi member = MockKubernetesApi.start()) {
      String region = RegionFixtures.randomName("eu");
      fixtures.readyRegion(region, member);
      String name = RegionFixtures.randomName("globex");
      fixtures.tenant(
          name,
          IsolationLevel.CLUSTER,
          region,
          spec -> {
            spec.setMemberCluster("member-0");
            spec.setDataServices(fixtures.dedicatedServers(name));
          });

      Tenant tenant = fixtures.awaitReady(name, ConditionStatus.True);

      assertThat(tenant.getStatus().getCluster()).isEqualTo("member-0");
      assertThat(
              tenant
                  .getStatus()
                  .condition(TenantStatus.RESIDENCY_COMPLIANT)
                  .orElseThrow()
                  .getMessage())
          .isEqualTo("placed on cluster member-0 of Region " + region + " (EU)");
      KubernetesClient memberClient = member.client();
      String namespace = "gl-" + name;
      assertThat(memberClient.namespaces().withName(namespace).get().getMetadata().getLabels())
          .containsEntry("greenlang.io/isolation", "cluster");
      assertThat(
              memberClient.resources(NetworkPolicy.class).inNamespace(namespace).list().getItems())
          .hasSize(6);
      assertThat(memberClient.resources(RoleBinding.class).inNamespace(namespace).list().getItems())
          .hasSize(2);
      assertThat(client.namespaces().withName(namespace).get())
          .as("nothing in the shared cluster")
          .isNull();
    }
  }

  @Test
  void physicalTenantIsPinnedToItsNodesAndReachesOnlyInRegionEndpoints() {
    try (MockKubernetesApi member = MockKubernetesApi.start()) {
      String region = RegionFixtures.randomName("eu");
      fixtures.readyRegion(region, member);
      String name = RegionFixtures.randomName("defence");
      fixtures.tenant(
          name,
          IsolationLevel.PHYSICAL,
          region,
          spec -> {
            spec.setMemberCluster("member-0");
            spec.setDataServices(fixtures.dedicatedServers(name));
            PhysicalIsolation physical = new PhysicalIsolation();
            physical.setRuntimeClassName("gvisor");
            spec.setPhysical(physical);
          });

      fixtures.awaitReady(name, ConditionStatus.True);

      String namespace = "gl-" + name;
      KubernetesClient memberClient = member.client();
      assertThat(memberClient.namespaces().withName(namespace).get().getMetadata().getAnnotations())
          .containsEntry(
              "scheduler.alpha.kubernetes.io/node-selector", "greenlang.io/tenant=" + name)
          .containsEntry(
              "scheduler.alpha.kubernetes.io/defaultTolerations",
              "[{\"effect\":\"NoSchedule\",\"key\":\"greenlang.io/tenant\",\"operator\":\"Equal\",\"value\":\""
                  + name
                  + "\"}]");
      assertThat(
              memberClient
                  .configMaps()
                  .inNamespace(namespace)
                  .withName("greenlang-tenant")
                  .get()
                  .getData()
                  .get("tenant.json"))
          .contains(
              "\"runtimeClassName\" : \"gvisor\"",
              "\"nodeLabel\" : \"greenlang.io/tenant=" + name + "\"");
      // The US endpoint (port 8443) is outside the region: no egress to it.
      assertThat(llmPorts(memberClient, namespace)).containsExactly(443, 8000);

      fixtures.edit(
          name,
          t -> {
            t.getSpec().getPhysical().setAirGapped(true);
            return t;
          });
      await()
          .atMost(TenantFixtures.WAIT)
          .until(() -> llmPorts(memberClient, namespace).equals(List.of(8000)));
    }
  }

  @Test
  void memberChangesAddChangeAndRevokeExactlyTheirBinding() {
    String region = RegionFixtures.randomName("eu");
    fixtures.readyRegion(region);
    String name = RegionFixtures.randomName("acme");
    fixtures.tenant(name, IsolationLevel.DATABASE, region, spec -> {});
    fixtures.awaitReady(name, ConditionStatus.True);
    String namespace = "gl-" + name;
    String analystsVersion = bindingVersion(namespace, "Group/" + name + ":analysts");

    editMembers(
        name,
        members ->
            members.add(new TenantMember(SubjectKind.User, "bob@x.example", TenantRole.VIEWER)));
    await().atMost(TenantFixtures.WAIT).until(() -> bindings(namespace).size() == 3);
    assertThat(bindings(namespace)).containsEntry("User/bob@x.example", "greenlang-viewer");

    editMembers(name, members -> members.get(2).setRole(TenantRole.AUDITOR));
    await()
        .atMost(TenantFixtures.WAIT)
        .until(() -> "greenlang-auditor".equals(bindings(namespace).get("User/bob@x.example")));
    assertThat(bindings(namespace)).hasSize(3);

    editMembers(name, members -> members.remove(0));
    await().atMost(TenantFixtures.WAIT).until(() -> bindings(namespace).size() == 2);
    assertThat(bindings(namespace)).doesNotContainKey("User/ann@" + name + ".example");
    assertThat(bindingVersion(namespace, "Group/" + name + ":analysts"))
        .as("the untouched member's binding was not rewritten")
        .isEqualTo(analystsVersion);
    await()
        .atMost(TenantFixtures.WAIT)
        .until(() -> eventReasons(name).contains("MemberAccessChanged"));
  }

  private void editMembers(String tenant, java.util.function.Consumer<List<TenantMember>> change) {
    fixtures.edit(
        tenant,
        t -> {
          change.accept(t.getSpec().getMembers());
          return t;
        });
  }

  private List<String> eventReasons(String tenant) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> tenant.equals(e.getInvolvedObject().getName()))
        .map(e -> e.getReason())
        .toList();
  }

  /** The namespace's policies, not those of Agents other tests left in the shared namespace. */
  private List<String> policyNames(String namespace) {
    return client
        .resources(NetworkPolicy.class)
        .inNamespace(namespace)
        .withoutLabel("greenlang.io/agent")
        .list()
        .getItems()
        .stream()
        .map(p -> p.getMetadata().getName())
        .sorted()
        .toList();
  }

  private NetworkPolicy policy(String namespace, String name) {
    return client.resources(NetworkPolicy.class).inNamespace(namespace).withName(name).get();
  }

  private List<Integer> llmPorts(String namespace) {
    return llmPorts(client, namespace);
  }

  private static List<Integer> llmPorts(KubernetesClient client, String namespace) {
    NetworkPolicy llm =
        client
            .resources(NetworkPolicy.class)
            .inNamespace(namespace)
            .withName("greenlang-allow-llm-endpoints")
            .get();
    return llm == null
        ? List.of()
        : llm.getSpec().getEgress().stream()
            .map(r -> r.getPorts().get(0).getPort().getIntVal())
            .toList();
  }

  /**
   * Subject ("Kind/name", service accounts "Kind/name@namespace") to ClusterRole of each binding.
   */
  private Map<String, String> bindings(String namespace) {
    return client.resources(RoleBinding.class).inNamespace(namespace).list().getItems().stream()
        .collect(
            Collectors.toMap(
                b -> {
                  var s = b.getSubjects().get(0);
                  return s.getKind()
                      + "/"
                      + s.getName()
                      + (s.getNamespace() == null ? "" : "@" + s.getNamespace());
                },
                b -> b.getRoleRef().getName()));
  }

  private String bindingVersion(String namespace, String subject) {
    return client.resources(RoleBinding.class).inNamespace(namespace).list().getItems().stream()
        .filter(
            b ->
                subject.equals(
                    b.getSubjects().get(0).getKind() + "/" + b.getSubjects().get(0).getName()))
        .map(b -> b.getMetadata().getResourceVersion())
        .findFirst()
        .orElseThrow();
  }
}
