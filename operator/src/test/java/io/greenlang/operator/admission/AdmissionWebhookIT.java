package io.greenlang.operator.admission;

import static io.greenlang.operator.admission.AdmissionFixtures.EU_ENDPOINT;
import static io.greenlang.operator.admission.AdmissionFixtures.LOCAL_ENDPOINT;
import static io.greenlang.operator.admission.AdmissionFixtures.MENA_ENDPOINT;
import static io.greenlang.operator.admission.AdmissionFixtures.US_ENDPOINT;
import static io.greenlang.operator.admission.AdmissionFixtures.agent;
import static io.greenlang.operator.admission.AdmissionFixtures.clusterTenant;
import static io.greenlang.operator.admission.AdmissionFixtures.member;
import static io.greenlang.operator.admission.AdmissionFixtures.randomName;
import static io.greenlang.operator.admission.AdmissionFixtures.region;
import static io.greenlang.operator.admission.AdmissionFixtures.tenant;
import static io.greenlang.operator.admission.AdmissionReviewDocuments.review;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.common.DataClass;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantTier;
import io.greenlang.testsupport.kubernetes.MockKubernetesApiResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admission webhook over HTTP against the mock API server: AdmissionReview documents are posted
 * to both endpoints; every rule is shown allowing a valid object and denying a broken one with a
 * message that names the field.
 */
@QuarkusTest
@QuarkusTestResource(MockKubernetesApiResource.class)
class AdmissionWebhookIT {
  private KubernetesClient client;
  private String region;

  @BeforeEach
  void setUp() {
    client = MockKubernetesApiResource.api().client();
    region = randomName("eu");
  }

  /** Posts the document and returns the AdmissionReview answered, checking its envelope. */
  private static JsonPath post(String path, String document) {
    JsonPath answer =
        given()
            .contentType(ContentType.JSON)
            .body(document)
            .when()
            .post(path)
            .then()
            .statusCode(200)
            .contentType(ContentType.JSON)
            .body("apiVersion", equalTo("admission.k8s.io/v1"))
            .body("kind", equalTo("AdmissionReview"))
            .extract()
            .jsonPath();
    assertThat(answer.getString("response.uid"))
        .isEqualTo(JsonPath.from(document).getString("request.uid"));
    return answer;
  }

  private static JsonPath tenantReview(String operation, Tenant tenant, Tenant old) {
    return post(AdmissionWebhookResource.TENANTS, review(operation, tenant, old));
  }

  private static JsonPath agentReview(String operation, Agent agent) {
    return post(AdmissionWebhookResource.AGENTS, review(operation, agent, null));
  }

  private static void assertAllowed(JsonPath answer) {
    assertThat(answer.getBoolean("response.allowed"))
        .as("allowed, but denied with %s", answer.getString("response.status.message"))
        .isTrue();
    assertThat(answer.getString("response.status")).isNull();
  }

  private static void assertDenied(JsonPath answer, String field, String message) {
    assertThat(answer.getBoolean("response.allowed")).isFalse();
    assertThat(answer.getInt("response.status.code")).isEqualTo(422);
    assertThat(answer.getString("response.status.message")).isEqualTo(field + ": " + message);
    assertThat(answer.getString("response.status.details.causes[0].field")).isEqualTo(field);
  }

  private <T extends HasMetadata> T create(T resource) {
    return client.resource(resource).create();
  }

  private void createRegion(String name) {
    create(region(name, member("member-free", null), member("member-taken", "somebody-else")));
  }

  // ---- Tenant: the Region exists ----

  @Test
  void tenantOfAnExistingRegionIsAllowed() {
    createRegion(region);

    assertAllowed(
        tenantReview("CREATE", tenant(randomName("acme"), IsolationLevel.DATABASE, region), null));
  }

  @Test
  void tenantOfAMissingRegionIsDenied() {
    String mars = randomName("mars");

    assertDenied(
        tenantReview("CREATE", tenant(randomName("acme"), IsolationLevel.LOGICAL, mars), null),
        "spec.region",
        "Region \"" + mars + "\" not found");
  }

  // ---- Tenant: the dedicated member cluster ----

  @Test
  void tenantOnAFreeOrItsOwnDedicatedMemberClusterIsAllowed() {
    String name = randomName("acme");
    create(region(region, member("member-free", null), member("member-own", name)));

    assertAllowed(tenantReview("CREATE", clusterTenant(name, region, "member-free"), null));
    Tenant physical = clusterTenant(name, region, "member-own");
    physical.getSpec().setIsolation(IsolationLevel.PHYSICAL);
    assertAllowed(tenantReview("CREATE", physical, null));
  }

  @Test
  void tenantOnAClusterTheRegionLacksIsDenied() {
    createRegion(region);

    assertDenied(
        tenantReview("CREATE", clusterTenant(randomName("acme"), region, "member-x"), null),
        "spec.memberCluster",
        "cluster \"member-x\" is not a cluster of Region \""
            + region
            + "\" (member clusters: member-free, member-taken)");
  }

  @Test
  void tenantOnTheLocalClusterIsDenied() {
    createRegion(region);

    assertDenied(
        tenantReview("CREATE", clusterTenant(randomName("acme"), region, "local"), null),
        "spec.memberCluster",
        "cluster \"local\" is Region \""
            + region
            + "\"'s local cluster, shared by its tenants: isolation cluster needs a member"
            + " cluster");
  }

  @Test
  void tenantOnAClusterDedicatedToAnotherTenantIsDenied() {
    createRegion(region);

    assertDenied(
        tenantReview("UPDATE", clusterTenant(randomName("acme"), region, "member-taken"), null),
        "spec.memberCluster",
        "cluster \"member-taken\" of Region \""
            + region
            + "\" is dedicated to tenant \"somebody-else\"");
  }

  // ---- Which requests are checked ----

  @Test
  void updatesAreCheckedOnlyWhenTheSpecChanges() {
    String mars = randomName("mars");
    Tenant stored = tenant(randomName("acme"), IsolationLevel.DATABASE, mars);
    Tenant relabelled = tenant(stored.getMetadata().getName(), IsolationLevel.DATABASE, mars);
    relabelled.getMetadata().getLabels().put("cost-centre", "42");
    Tenant retiered = tenant(stored.getMetadata().getName(), IsolationLevel.DATABASE, mars);
    retiered.getSpec().setTier(TenantTier.ENTERPRISE);

    assertAllowed(tenantReview("UPDATE", relabelled, stored));
    assertDenied(
        tenantReview("UPDATE", retiered, stored),
        "spec.region",
        "Region \"" + mars + "\" not found");
  }

  @Test
  void deleteIsAllowedAndDryRunIsChecked() {
    Tenant broken = tenant(randomName("acme"), IsolationLevel.DATABASE, randomName("mars"));

    assertAllowed(tenantReview("DELETE", broken, broken));
    JsonPath dryRun = post(AdmissionWebhookResource.TENANTS, review("CREATE", broken, null, true));
    assertThat(dryRun.getBoolean("response.allowed")).isFalse();
  }

  @Test
  void otherKindsSentToAnEndpointAreAllowed() {
    assertAllowed(
        post(
            AdmissionWebhookResource.TENANTS,
            review("CREATE", agent("team-x", "a", null, DataClass.BUSINESS), null)));
  }

  // ---- Agent: its namespace belongs to a Tenant ----

  @Test
  void agentInItsTenantsNamespaceIsAllowedEvenWhenOnlyTheRequestNamesTheNamespace() {
    createRegion(region);
    String acme =
        create(tenant(randomName("acme"), IsolationLevel.DATABASE, region)).getMetadata().getName();
    Agent agent = agent("gl-" + acme, "calculator", null, DataClass.BUSINESS, EU_ENDPOINT);
    assertAllowed(agentReview("CREATE", agent));
    agent.getMetadata().setNamespace(null);
    assertAllowed(
        post(
            AdmissionWebhookResource.AGENTS,
            AdmissionReviewDocuments.createIn("gl-" + acme, agent)));
    assertAllowed(agentReview("CREATE", agent("gl-" + acme, "explicit", acme, DataClass.BUSINESS)));
  }

  @Test
  void agentInANamespaceOfNoTenantIsDenied() {
    assertDenied(
        agentReview("CREATE", agent("team-x", "a", null, DataClass.BUSINESS)),
        "metadata.namespace",
        "namespace \"team-x\" belongs to no Tenant: Agents live in gl-<tenant> or in gl-shared"
            + " with spec.tenant");
    String ghost = randomName("ghost");
    assertDenied(
        agentReview("CREATE", agent("gl-" + ghost, "a", null, DataClass.BUSINESS)),
        "metadata.namespace",
        "namespace \"gl-" + ghost + "\" belongs to no Tenant: Tenant \"" + ghost + "\" not found");
  }

  @Test
  void agentInALogicalTenantsOwnNamespaceIsDenied() {
    createRegion(region);
    String bakery = randomName("bakery");
    create(tenant(bakery, IsolationLevel.LOGICAL, region));

    assertDenied(
        agentReview("CREATE", agent("gl-" + bakery, "a", null, DataClass.BUSINESS)),
        "metadata.namespace",
        "Tenant \""
            + bakery
            + "\" has isolation logical: its Agents live in namespace gl-shared with spec.tenant: "
            + bakery);
  }

  @Test
  void agentWhoseSpecTenantContradictsItsNamespaceIsDenied() {
    createRegion(region);
    String acme = randomName("acme");
    create(tenant(acme, IsolationLevel.DATABASE, region));

    assertDenied(
        agentReview("UPDATE", agent("gl-" + acme, "a", "globex", DataClass.BUSINESS)),
        "spec.tenant",
        "\"globex\" does not match Tenant \""
            + acme
            + "\" that owns namespace gl-"
            + acme
            + ": leave spec.tenant out or set it to \""
            + acme
            + "\"");
  }

  @Test
  void agentInTheSharedNamespaceNeedsAnExistingLogicalTenant() {
    createRegion(region);
    String bakery = randomName("bakery");
    String acme = randomName("acme");
    String ghost = randomName("ghost");
    create(tenant(bakery, IsolationLevel.LOGICAL, region));
    create(tenant(acme, IsolationLevel.DATABASE, region));

    assertAllowed(agentReview("CREATE", agent("gl-shared", "a", bakery, DataClass.BUSINESS)));
    assertDenied(
        agentReview("CREATE", agent("gl-shared", "a", null, DataClass.BUSINESS)),
        "spec.tenant",
        "required in namespace gl-shared: name the logical Tenant the Agent belongs to");
    assertDenied(
        agentReview("CREATE", agent("gl-shared", "a", ghost, DataClass.BUSINESS)),
        "spec.tenant",
        "Tenant \"" + ghost + "\" not found");
    assertDenied(
        agentReview("CREATE", agent("gl-shared", "a", acme, DataClass.BUSINESS)),
        "spec.tenant",
        "Tenant \""
            + acme
            + "\" has isolation database: its Agents live in namespace gl-"
            + acme
            + ", not gl-shared");
  }

  // ---- Agent: LLM endpoints and residency ----

  @Test
  void agentCallingAllowedEndpointsOfItsRegionIsAllowed() {
    createRegion(region);
    String acme = randomName("acme");
    create(tenant(acme, IsolationLevel.DATABASE, region));

    assertAllowed(
        agentReview(
            "CREATE",
            agent("gl-" + acme, "a", null, DataClass.PERSONAL, EU_ENDPOINT, LOCAL_ENDPOINT)));
    assertAllowed(
        agentReview("CREATE", agent("gl-" + acme, "b", null, DataClass.BUSINESS, MENA_ENDPOINT)));
  }

  @Test
  void agentCallingAnEndpointTheRegionLacksIsDenied() {
    createRegion(region);
    String acme = randomName("acme");
    create(tenant(acme, IsolationLevel.DATABASE, region));

    assertDenied(
        agentReview(
            "CREATE", agent("gl-" + acme, "a", null, DataClass.BUSINESS, EU_ENDPOINT, "gpt-x")),
        "spec.llm.providers[1].endpoint",
        "endpoint \"gpt-x\" is not in Region \""
            + region
            + "\" spec.llmEndpoints (anthropic-eu, local-model, openai-us, azure-mena)");
  }

  @Test
  void agentSendingPersonalDataOutOfTheRegionIsDenied() {
    createRegion(region);
    String acme = randomName("acme");
    create(tenant(acme, IsolationLevel.DATABASE, region));

    assertDenied(
        agentReview(
            "UPDATE", agent("gl-" + acme, "a", null, DataClass.PERSONAL, EU_ENDPOINT, US_ENDPOINT)),
        "spec.llm.providers[1].endpoint",
        "endpoint \"openai-us\" (location us-east-1) is not allowed for personal data in Region \""
            + region
            + "\": location us-east-1 is blocked by the Region's residency rule blockedTargets"
            + " us-*");
    assertDenied(
        agentReview("CREATE", agent("gl-" + acme, "b", null, DataClass.SENSITIVE, MENA_ENDPOINT)),
        "spec.llm.providers[0].endpoint",
        "endpoint \"azure-mena\" (location me-south-1) is not allowed for sensitive data in"
            + " Region \""
            + region
            + "\": sensitive data must stay in region EU, but me-south-1 is outside it");
  }

  // ---- Agent: the tenant's quota ----

  @Test
  void theAgentBeyondTheTiersQuotaIsDeniedOnCreateOnly() {
    createRegion(region);
    String acme = randomName("acme");
    create(tenant(acme, IsolationLevel.DATABASE, region));
    for (int i = 0; i < 9; i++) {
      create(agent("gl-" + acme, "agent-" + i, null, DataClass.BUSINESS));
    }
    assertAllowed(agentReview("CREATE", agent("gl-" + acme, "agent-9", acme, DataClass.BUSINESS)));
    create(agent("gl-" + acme, "agent-9", acme, DataClass.BUSINESS));

    assertDenied(
        agentReview("CREATE", agent("gl-" + acme, "agent-10", acme, DataClass.BUSINESS)),
        "spec.tenant",
        "tenant \"" + acme + "\" has 10 of 10 Agents (tier FREE, quota agents)");
    assertAllowed(agentReview("UPDATE", agent("gl-" + acme, "agent-3", acme, DataClass.PUBLIC)));
  }

  @Test
  void aLogicalTenantsQuotaCountsOnlyItsOwnAgentsInTheSharedNamespace() {
    createRegion(region);
    String tiny = randomName("tiny");
    String other = randomName("other");
    create(AdmissionFixtures.withAgentQuota(tenant(tiny, IsolationLevel.LOGICAL, region), 1));
    create(tenant(other, IsolationLevel.LOGICAL, region));
    create(agent("gl-shared", randomName("theirs"), other, DataClass.BUSINESS));

    assertAllowed(agentReview("CREATE", agent("gl-shared", "mine-1", tiny, DataClass.BUSINESS)));
    create(agent("gl-shared", randomName("mine"), tiny, DataClass.BUSINESS));
    assertDenied(
        agentReview("CREATE", agent("gl-shared", "mine-2", tiny, DataClass.BUSINESS)),
        "spec.tenant",
        "tenant \""
            + tiny
            + "\" has 1 of 1 Agents (tier FREE, quota agents from spec.quotas.agents)");
  }

  // ---- Bad requests ----

  @Test
  void aBodyThatIsNoAdmissionReviewIsABadRequest() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}")
        .when()
        .post(AdmissionWebhookResource.AGENTS)
        .then()
        .statusCode(400)
        .body(equalTo("body must be an admission.k8s.io/v1 AdmissionReview with a request"));
    given()
        .contentType(ContentType.JSON)
        .body("{not json")
        .when()
        .post(AdmissionWebhookResource.TENANTS)
        .then()
        .statusCode(400);
  }

  @Test
  void anObjectThatIsNoAgentIsDeniedNamingIt() {
    String document =
        review("CREATE", agent("team-x", "a", null, DataClass.BUSINESS), null)
            .replace("\"dataClass\":\"business\"", "\"dataClass\":\"secret\"");

    JsonPath answer = post(AdmissionWebhookResource.AGENTS, document);

    assertThat(answer.getBoolean("response.allowed")).isFalse();
    assertThat(answer.getString("response.status.message"))
        .startsWith("object: cannot be read as a greenlang.io Agent:");
  }
}
