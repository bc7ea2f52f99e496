package io.greenlang.operator.admission;

import static io.greenlang.operator.admission.AdmissionFixtures.agent;
import static io.greenlang.operator.admission.AdmissionFixtures.region;
import static io.greenlang.operator.admission.AdmissionFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GroupVersionKind;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.common.DataClass;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantTier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * AdmissionWebhook without HTTP: which requests are checked, and how failures to read the cluster
 * and bugs turn into denials.
 */
class AdmissionWebhookTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private final InMemoryLookup cluster =
      new InMemoryLookup().with(region("eu")).with(tenant("acme", IsolationLevel.DATABASE, "eu"));
  private final AdmissionWebhook webhook = new AdmissionWebhook(cluster, JSON);

  private static AdmissionRequest request(String kind, String operation, Object object) {
    AdmissionRequest request = new AdmissionRequest();
    request.setUid("uid-1");
    request.setKind(new GroupVersionKind("greenlang.io", kind, "v1alpha1"));
    request.setOperation(operation);
    request.setObject(object == null ? null : JSON.convertValue(object, Map.class));
    return request;
  }

  private static Tenant tenantIn(String region) {
    return tenant("acme", IsolationLevel.DATABASE, region);
  }

  @Test
  void deniesWithTheRuleMessageAndEchoesTheUid() {
    AdmissionResponse response =
        webhook.reviewTenant(request("Tenant", "CREATE", tenantIn("mars"))).getResponse();

    assertThat(response.getUid()).isEqualTo("uid-1");
    assertThat(response.getAllowed()).isFalse();
    assertThat(response.getStatus().getCode()).isEqualTo(422);
    assertThat(response.getStatus().getMessage())
        .isEqualTo("spec.region: Region \"mars\" not found");
    assertThat(response.getStatus().getDetails().getCauses())
        .singleElement()
        .satisfies(
            cause -> {
              assertThat(cause.getField()).isEqualTo("spec.region");
              assertThat(cause.getReason()).isEqualTo("RegionNotFound");
            });
  }

  @Test
  void allowsDeleteConnectOtherKindsAndSubresources() {
    assertThat(webhook.reviewTenant(request("Tenant", "DELETE", null)).getResponse().getAllowed())
        .isTrue();
    assertThat(
            webhook
                .reviewTenant(request("Tenant", "CONNECT", tenantIn("mars")))
                .getResponse()
                .getAllowed())
        .isTrue();
    assertThat(
            webhook
                .reviewTenant(request("Region", "CREATE", region("anything")))
                .getResponse()
                .getAllowed())
        .isTrue();
    AdmissionRequest status = request("Tenant", "UPDATE", tenantIn("mars"));
    status.setSubResource("status");
    assertThat(webhook.reviewTenant(status).getResponse().getAllowed()).isTrue();
  }

  @Test
  void checksDryRunRequestsLikeRealOnes() {
    AdmissionRequest dryRun = request("Tenant", "CREATE", tenantIn("mars"));
    dryRun.setDryRun(true);

    assertThat(webhook.reviewTenant(dryRun).getResponse().getAllowed()).isFalse();
  }

  @Test
  void allowsUpdatesThatLeaveTheSpecAloneOrDelete() {
    Tenant stored = tenantIn("mars");
    Tenant labelled = tenantIn("mars");
    labelled.getMetadata().setLabels(Map.of("team", "platform"));
    labelled.getMetadata().setFinalizers(List.of("greenlang.io/tenant"));
    AdmissionRequest metadataOnly = request("Tenant", "UPDATE", labelled);
    metadataOnly.setOldObject(JSON.convertValue(stored, Map.class));
    assertThat(webhook.reviewTenant(metadataOnly).getResponse().getAllowed()).isTrue();

    Tenant deleting = tenantIn("mars");
    deleting.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");
    deleting.getSpec().setTier(TenantTier.CUSTOM);
    AdmissionRequest finalizerRemoval = request("Tenant", "UPDATE", deleting);
    finalizerRemoval.setOldObject(JSON.convertValue(stored, Map.class));
    assertThat(webhook.reviewTenant(finalizerRemoval).getResponse().getAllowed()).isTrue();

    Tenant changed = tenantIn("mars");
    changed.getSpec().setTier(TenantTier.CUSTOM);
    AdmissionRequest specChange = request("Tenant", "UPDATE", changed);
    specChange.setOldObject(JSON.convertValue(stored, Map.class));
    assertThat(webhook.reviewTenant(specChange).getResponse().getAllowed()).isFalse();
  }

  @Test
  void takesTheAgentsNamespaceFromTheRequestWhenTheObjectHasNone() {
    Agent agent = agent(null, "a", null, DataClass.BUSINESS);
    AdmissionRequest create = request("Agent", "CREATE", agent);
    create.setNamespace("gl-acme");

    assertThat(webhook.reviewAgent(create).getResponse().getAllowed()).isTrue();
  }

  @Test
  void deniesAnUnreadableObjectNamingIt() {
    Map<String, Object> object =
        Map.of(
            "apiVersion",
            "greenlang.io/v1alpha1",
            "kind",
            "Agent",
            "metadata",
            Map.of("name", "a", "namespace", "gl-acme"),
            "spec",
            Map.of("replicas", "many"));

    AdmissionResponse response =
        webhook.reviewAgent(request("Agent", "CREATE", object)).getResponse();

    assertThat(response.getAllowed()).isFalse();
    assertThat(response.getStatus().getMessage())
        .startsWith("object: cannot be read as a greenlang.io Agent: ");
  }

  @Test
  void deniesWhenTheClusterCannotBeReadAndSaysWhatFailed() {
    ResourceLookup down =
        new ResourceLookup() {
          @Override
          public Optional<Region> region(String name) {
            throw new LookupFailedException(
                "reading Region \"" + name + "\"",
                new KubernetesClientException("Connection refused"));
          }

          @Override
          public Optional<Tenant> tenant(String name) {
            return Optional.empty();
          }

          @Override
          public List<Agent> agentsIn(String namespace) {
            return List.of();
          }
        };
    AdmissionRequest create = request("Tenant", "CREATE", tenantIn("eu"));
    create.setName("acme");

    AdmissionResponse response =
        new AdmissionWebhook(down, JSON).reviewTenant(create).getResponse();

    assertThat(response.getAllowed()).isFalse();
    assertThat(response.getStatus().getCode()).isEqualTo(500);
    assertThat(response.getStatus().getMessage())
        .isEqualTo(
            "Tenant acme could not be checked: reading Region \"eu\" failed: Connection refused");
  }

  @Test
  void deniesOnABugWithoutAStackTrace() {
    ResourceLookup broken =
        new ResourceLookup() {
          @Override
          public Optional<Region> region(String name) {
            throw new IllegalStateException("boom\n\tat somewhere.Deep(Deep.java:1)");
          }

          @Override
          public Optional<Tenant> tenant(String name) {
            return Optional.empty();
          }

          @Override
          public List<Agent> agentsIn(String namespace) {
            return List.of();
          }
        };

    AdmissionResponse response =
        new AdmissionWebhook(broken, JSON)
            .reviewTenant(request("Tenant", "CREATE", tenantIn("eu")))
            .getResponse();

    assertThat(response.getAllowed()).isFalse();
    assertThat(response.getStatus().getMessage())
        .isEqualTo(
            "Tenant (name to be generated) could not be checked: internal error"
                + " IllegalStateException in the GreenLang operator; see its log")
        .doesNotContain("at somewhere");
  }
}
