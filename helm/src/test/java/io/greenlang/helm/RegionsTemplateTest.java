package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * templates/regions.yaml: Regions from values, with connection Secrets named by existingSecret or
 * written by the chart from connection.
 */
class RegionsTemplateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static RenderedChart fromValuesFile() {
    return OperatorChart.render(OperatorChart.testResource("values/non-default.yaml"));
  }

  private static List<GenericKubernetesResource> regions(RenderedChart chart) {
    return chart.all(GenericKubernetesResource.class).stream()
        .filter(r -> r.getKind().equals("Region"))
        .toList();
  }

  private static GenericKubernetesResource region(RenderedChart chart, String name) {
    return regions(chart).stream()
        .filter(r -> r.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No Region " + name));
  }

  private static Map<String, String> decoded(Secret secret) {
    return secret.getData().entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e -> new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8)));
  }

  private static Map<String, String> minimalRegion(String postgres, String redis) {
    return Map.of(
        "regions[0].name",
        "eu",
        "regions[0].code",
        "EU",
        "regions[0].postgres." + postgres,
        "eu-postgres",
        "regions[0].redis." + redis,
        "eu-redis");
  }

  @Test
  void rendersNoRegionByDefault() {
    assertThat(regions(OperatorChart.render())).isEmpty();
  }

  @Test
  void rendersARegionWhoseConnectionsNameExistingSecrets() {
    RenderedChart chart = OperatorChart.render(minimalRegion("existingSecret", "existingSecret"));
    GenericKubernetesResource region = region(chart, "eu");

    assertThat(region.getApiVersion()).isEqualTo("greenlang.io/v1alpha1");
    assertThat(region.getMetadata().getNamespace()).as("Regions are cluster-scoped").isNull();
    assertThat((String) region.get("spec", "code")).isEqualTo("EU");
    assertThat((Map<String, Object>) region.get("spec", "postgres", "secretRef"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("name", "eu-postgres", "namespace", OperatorChart.NAMESPACE));
    assertThat((String) region.get("spec", "redis", "secretRef", "name")).isEqualTo("eu-redis");
    assertThat(chart.all(Secret.class))
        .as("existing Secrets are not written by the chart")
        .noneMatch(s -> s.getMetadata().getName().startsWith("eu-"));
  }

  @Test
  void placesTheRegionInTheLocalClusterWhenNoClustersAreGiven() {
    GenericKubernetesResource region =
        region(OperatorChart.render(minimalRegion("existingSecret", "existingSecret")), "eu");

    assertThat((List<Map<String, Object>>) region.get("spec", "clusters"))
        .containsExactly(Map.of("name", "local", "local", true));
  }

  @Test
  void keepsRegionsAndWrittenSecretsWhenTheReleaseIsUninstalled() {
    RenderedChart chart = fromValuesFile();

    for (GenericKubernetesResource region : regions(chart)) {
      assertThat(region.getMetadata().getAnnotations())
          .containsEntry("helm.sh/resource-policy", "keep");
    }
    assertThat(
            chart.get(Secret.class, "greenlang-operator-eu-redis").getMetadata().getAnnotations())
        .containsEntry("helm.sh/resource-policy", "keep");
    assertThat(region(chart, "eu").getMetadata().getAnnotations())
        .containsEntry("argocd.argoproj.io/sync-wave", "0");
  }

  @Test
  void writesAConnectionSecretFromValuesInTheKeysTheOperatorReads() {
    RenderedChart chart = fromValuesFile();

    Secret redis = chart.get(Secret.class, "greenlang-operator-eu-redis");
    assertThat(redis.getMetadata().getNamespace()).isEqualTo(OperatorChart.NAMESPACE);
    assertThat(decoded(redis))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "host", "redis.data.svc",
                "port", "6380",
                "username", "greenlang-operator",
                "password", "not-a-real-password",
                "tls", "true"));
    assertThat((String) region(chart, "eu").get("spec", "redis", "secretRef", "name"))
        .isEqualTo("greenlang-operator-eu-redis");

    Secret postgres = chart.get(Secret.class, "greenlang-operator-us-postgres");
    assertThat(decoded(postgres))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "host", "postgres.us.example.com",
                "port", "5432",
                "database", "greenlang",
                "username", "greenlang_admin",
                "password", "also-not-real",
                "sslmode", "verify-full"));
  }

  @Test
  void passesTheRegionSpecThrough() {
    GenericKubernetesResource eu = region(fromValuesFile(), "eu");

    assertThat((String) eu.get("spec", "primaryLocation")).isEqualTo("eu-central-1");
    assertThat((List<String>) eu.get("spec", "secondaryLocations"))
        .containsExactly("eu-west-1", "eu-north-1");
    assertThat((List<Object>) eu.get("spec", "clusters")).hasSize(2);
    assertThat((List<String>) eu.get("spec", "postgres", "cidrs")).containsExactly("10.20.0.0/24");
    assertThat((String) eu.get("spec", "vectorStore", "secretRef", "name")).isEqualTo("eu-milvus");
    assertThat((List<String>) eu.get("spec", "residency", "blockedTargets"))
        .containsExactly("us-*", "cn-*");
    assertThat((List<Object>) eu.get("spec", "llmEndpoints")).hasSize(1);
  }

  @Test
  void rendersOnlyFieldsTheRegionCrdDefines() throws IOException {
    JsonNode crd =
        new ObjectMapper(new YAMLFactory())
            .readTree(
                OperatorChart.directory().resolve("crds/regions.greenlang.io-v1.yml").toFile());
    JsonNode specSchema = crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");

    for (GenericKubernetesResource region : regions(fromValuesFile())) {
      List<String> unknown = new ArrayList<>();
      collectUnknownFields(
          JSON.valueToTree(region.getAdditionalProperties().get("spec")),
          specSchema,
          "spec",
          unknown);
      assertThat(unknown).as(region.getMetadata().getName()).isEmpty();
    }
  }

  private static void collectUnknownFields(
      JsonNode value, JsonNode schema, String path, List<String> unknown) {
    if (value.isObject()) {
      value
          .fieldNames()
          .forEachRemaining(
              field -> {
                JsonNode fieldSchema = schema.path("properties").path(field);
                if (fieldSchema.isMissingNode()) {
                  unknown.add(path + "." + field);
                } else {
                  collectUnknownFields(value.get(field), fieldSchema, path + "." + field, unknown);
                }
              });
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        collectUnknownFields(value.get(i), schema.path("items"), path + "[" + i + "]", unknown);
      }
    }
  }

  @Test
  void refusesAConnectionGivenBothWaysOrNotAtAll() {
    assertThatThrownBy(
            () ->
                OperatorChart.template()
                    .set("regions[0].name", "eu")
                    .set("regions[0].code", "EU")
                    .set("regions[0].postgres.existingSecret", "eu-postgres")
                    .set("regions[0].postgres.connection.host", "db")
                    .set("regions[0].postgres.connection.database", "greenlang")
                    .set("regions[0].postgres.connection.username", "greenlang")
                    .set("regions[0].redis.existingSecret", "eu-redis")
                    .call())
        .hasMessageContaining("regions[0].postgres: set existingSecret or connection, not both");
    assertThatThrownBy(
            () ->
                OperatorChart.template()
                    .set("regions[0].name", "eu")
                    .set("regions[0].code", "EU")
                    .set("regions[0].postgres.existingSecret", "eu-postgres")
                    .set("regions[0].redis.cidrs[0]", "10.0.0.0/8")
                    .call())
        .hasMessageContaining(
            "regions[0].redis: set existingSecret (a Secret in namespace greenlang-system) or"
                + " connection");
  }

  @Test
  void refusesTheSameRegionTwice() {
    var command = OperatorChart.template();
    for (int i = 0; i < 2; i++) {
      command
          .set("regions[" + i + "].name", "eu")
          .set("regions[" + i + "].code", "EU")
          .set("regions[" + i + "].postgres.existingSecret", "eu-postgres")
          .set("regions[" + i + "].redis.existingSecret", "eu-redis");
    }

    assertThatThrownBy(command::call)
        .hasMessageContaining("regions[1].name: Region \"eu\" is listed twice");
  }
}
