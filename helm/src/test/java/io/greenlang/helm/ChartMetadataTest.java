package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Chart.yaml: identity, versions and the minimum Kubernetes version Helm enforces. */
class ChartMetadataTest {

  private static JsonNode chartYaml() throws IOException {
    return new ObjectMapper(new YAMLFactory())
        .readTree(OperatorChart.directory().resolve("Chart.yaml").toFile());
  }

  @Test
  void declaresNameAndVersionsOfAHelm3Chart() throws IOException {
    JsonNode chart = chartYaml();

    assertThat(chart.path("apiVersion").asText()).isEqualTo("v2");
    assertThat(chart.path("name").asText()).isEqualTo("greenlang-operator");
    assertThat(chart.path("version").asText()).isEqualTo("0.1.0");
    assertThat(chart.path("appVersion").asText()).isEqualTo("0.1.0");
    assertThat(chart.path("description").asText()).isNotBlank();
    assertThat(chart.path("keywords").isArray()).isTrue();
  }

  @Test
  void requiresKubernetes127OrNewer() throws IOException {
    assertThat(chartYaml().path("kubeVersion").asText()).isEqualTo(">=1.27.0-0");

    assertThatThrownBy(() -> OperatorChart.template().withKubeVersion("v1.26.9").call())
        .hasMessageContaining("kubeVersion");
  }
}
