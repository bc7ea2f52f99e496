package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * templates/grafana-dashboards.yaml and the dashboards under dashboards/: one ConfigMap per
 * dashboard for the Grafana sidecar, behind grafanaDashboards.enabled, and dashboards Grafana can
 * import (the metric names in their PromQL are checked against the running applications by
 * MonitoringMetricNamesIT in module e2e).
 */
class GrafanaDashboardsTemplateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> DASHBOARDS =
      List.of("llm-gateway", "operator", "pipelines", "tenants");

  private static List<Path> dashboardFiles() throws IOException {
    try (Stream<Path> files = Files.list(OperatorChart.directory().resolve("dashboards"))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static List<ConfigMap> dashboardConfigMaps(RenderedChart chart) {
    return chart.all(ConfigMap.class).stream()
        .filter(c -> c.getMetadata().getName().contains("-dashboard-"))
        .toList();
  }

  @Test
  void isNotRenderedByDefault() {
    assertThat(dashboardConfigMaps(OperatorChart.render())).isEmpty();
  }

  @Test
  void rendersEveryDashboardAsAConfigMapTheSidecarPicksUp() throws IOException {
    RenderedChart chart = OperatorChart.render(Map.of("grafanaDashboards.enabled", true));

    List<ConfigMap> maps = dashboardConfigMaps(chart);
    assertThat(maps)
        .extracting(c -> c.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(
            DASHBOARDS.stream().map(d -> "greenlang-operator-dashboard-" + d).toList());
    for (ConfigMap map : maps) {
      String name = map.getMetadata().getName().replace("greenlang-operator-dashboard-", "");
      assertThat(map.getMetadata().getNamespace()).isEqualTo(OperatorChart.NAMESPACE);
      assertThat(map.getMetadata().getLabels())
          .containsEntry("grafana_dashboard", "1")
          .containsEntry("app.kubernetes.io/component", "monitoring");
      String shipped =
          Files.readString(OperatorChart.directory().resolve("dashboards/" + name + ".json"));
      assertThat(JSON.readTree(map.getData().get("greenlang-" + name + ".json")))
          .isEqualTo(JSON.readTree(shipped));
    }
  }

  @Test
  void takesNamespaceLabelsAndAnnotationsFromValues() {
    RenderedChart chart =
        OperatorChart.render(
            Map.of(
                "grafanaDashboards.enabled", true,
                "grafanaDashboards.namespace", "monitoring",
                "grafanaDashboards.labels.grafana_dashboard", "greenlang",
                "grafanaDashboards.annotations.grafana_folder", "GreenLang"));

    assertThat(dashboardConfigMaps(chart))
        .hasSize(DASHBOARDS.size())
        .allSatisfy(
            map -> {
              assertThat(map.getMetadata().getNamespace()).isEqualTo("monitoring");
              assertThat(map.getMetadata().getLabels())
                  .containsEntry("grafana_dashboard", "greenlang");
              assertThat(map.getMetadata().getAnnotations())
                  .containsEntry("grafana_folder", "GreenLang");
            });
  }

  @Test
  void valuesSchemaRejectsUnknownKeysAndWrongTypes() {
    assertThatThrownBy(
            () -> OperatorChart.template().set("grafanaDashboards.folder", "GreenLang").call())
        .hasMessageContaining("at '/grafanaDashboards'")
        .hasMessageContaining("additional properties 'folder' not allowed");
    assertThatThrownBy(
            () -> OperatorChart.template().set("grafanaDashboards.enabled", "yes").call())
        .hasMessageContaining("at '/grafanaDashboards/enabled'");
    assertThatThrownBy(
            () ->
                OperatorChart.template()
                    .set("metrics.prometheusRule.groups.budget.warningRatio", 80)
                    .call())
        .hasMessageContaining("at '/metrics/prometheusRule/groups/budget/warningRatio'");
    assertThatThrownBy(
            () ->
                OperatorChart.template()
                    .set("metrics.prometheusRule.groups.deadLetters.window", "an hour")
                    .call())
        .hasMessageContaining("at '/metrics/prometheusRule/groups/deadLetters/window'");
  }

  @Test
  void everyDashboardIsImportableWithUniqueIdsAndADataSourceVariable() throws IOException {
    Set<String> uids = new HashSet<>();
    assertThat(dashboardFiles()).hasSize(DASHBOARDS.size());
    for (Path file : dashboardFiles()) {
      JsonNode dashboard = JSON.readTree(file.toFile());
      String where = file.getFileName().toString();

      assertThat(uids.add(dashboard.path("uid").asText())).as("unique uid in " + where).isTrue();
      assertThat(dashboard.path("title").asText()).as(where).startsWith("GreenLang / ");
      assertThat(dashboard.path("schemaVersion").asInt()).as(where).isGreaterThanOrEqualTo(36);
      assertThat(dashboard.path("templating").path("list").findValuesAsText("name"))
          .as(where)
          .contains("datasource");
      Set<Integer> panelIds = new HashSet<>();
      for (JsonNode panel : dashboard.path("panels")) {
        assertThat(panelIds.add(panel.path("id").asInt()))
            .as("unique panel id in " + where)
            .isTrue();
        assertThat(panel.path("gridPos").path("w").asInt()).as(where).isBetween(1, 24);
        assertThat(panel.path("targets")).as(where + " panel " + panel.path("title")).isNotEmpty();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("expr").asText()).as(where).isNotBlank();
          assertThat(target.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
        }
      }
      assertThat(panelIds).as(where).isNotEmpty();
    }
  }

  @Test
  void panelsDoNotOverlap() throws IOException {
    for (Path file : dashboardFiles()) {
      List<int[]> boxes = new ArrayList<>();
      for (JsonNode panel : JSON.readTree(file.toFile()).path("panels")) {
        JsonNode g = panel.path("gridPos");
        int[] box = {
          g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()
        };
        for (int[] other : boxes) {
          boolean overlap =
              box[0] < other[0] + other[2]
                  && other[0] < box[0] + box[2]
                  && box[1] < other[1] + other[3]
                  && other[1] < box[1] + box[3];
          assertThat(overlap).as(file.getFileName() + " panel " + panel.path("title")).isFalse();
        }
        boxes.add(box);
      }
    }
  }
}
