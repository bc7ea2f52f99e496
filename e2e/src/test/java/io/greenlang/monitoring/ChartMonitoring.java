package io.greenlang.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PromQL the chart ships: the expressions of the PrometheusRule as {@code helm template}
 * renders it (helm-java, every group enabled) and the panel and variable queries of the Grafana
 * dashboards under {@code dashboards/}.
 */
final class ChartMonitoring {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  /** An expression and where it comes from, for failure messages. */
  record Query(String source, String expression) {}

  private ChartMonitoring() {}

  static Path chart(Path projectRoot) {
    return projectRoot.resolve("helm/greenlang-operator");
  }

  /** The alert expressions of the rendered PrometheusRule. */
  @SuppressWarnings("unchecked")
  static List<Query> ruleExpressions(Path chart) {
    String manifests =
        new Helm(chart)
            .template()
            .withName("greenlang-operator")
            .withNamespace("greenlang-system")
            .withKubeVersion("v1.31.0")
            .set("metrics.prometheusRule.enabled", "true")
            .call();
    List<Query> queries = new ArrayList<>();
    DOCUMENT_SEPARATOR
        .splitAsStream(manifests)
        .filter(document -> document.contains("kind: PrometheusRule"))
        .map(document -> Serialization.unmarshal(document, GenericKubernetesResource.class))
        .forEach(
            rule -> {
              List<Map<String, Object>> groups = rule.get("spec", "groups");
              for (Map<String, Object> group : groups) {
                for (Map<String, Object> entry : (List<Map<String, Object>>) group.get("rules")) {
                  String name = String.valueOf(entry.getOrDefault("alert", entry.get("record")));
                  queries.add(new Query("alert " + name, (String) entry.get("expr")));
                }
              }
            });
    if (queries.isEmpty()) {
      throw new IllegalStateException("The chart rendered no PrometheusRule expressions");
    }
    return queries;
  }

  /** Every panel target and query variable of every dashboard. */
  static List<Query> dashboardQueries(Path chart) throws IOException {
    List<Query> queries = new ArrayList<>();
    try (Stream<Path> files = Files.list(chart.resolve("dashboards"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode dashboard = JSON.readTree(file.toFile());
        String where = "dashboard " + file.getFileName();
        for (JsonNode panel : dashboard.path("panels")) {
          for (JsonNode target : panel.path("targets")) {
            queries.add(
                new Query(
                    where + " panel \"" + panel.path("title").asText() + "\"",
                    target.path("expr").asText()));
          }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
          if (variable.path("type").asText().equals("query")) {
            JsonNode query = variable.path("query");
            queries.add(
                new Query(
                    where + " variable " + variable.path("name").asText(),
                    query.isTextual() ? query.asText() : query.path("query").asText()));
          }
        }
      }
    }
    if (queries.isEmpty()) {
      throw new IllegalStateException("No dashboard queries under " + chart.resolve("dashboards"));
    }
    return queries;
  }
}
