package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** values.schema.json: Helm refuses unknown keys, wrong types and out-of-range values. */
class ValuesSchemaTest {

  @Test
  void rejectsAnUnknownTopLevelKey() {
    assertThatThrownBy(() -> OperatorChart.template().set("replicas", 2).call())
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining("additional properties 'replicas' not allowed");
  }

  @Test
  void rejectsAnUnknownNestedKey() {
    assertThatThrownBy(() -> OperatorChart.template().set("image.name", "operator").call())
        .hasMessageContaining("at '/image'")
        .hasMessageContaining("additional properties 'name' not allowed");
  }

  @Test
  void rejectsAWrongType() {
    assertThatThrownBy(() -> OperatorChart.template().set("replicaCount", "two").call())
        .hasMessageContaining("at '/replicaCount'")
        .hasMessageContaining("want integer");
  }

  @Test
  void rejectsAValueOutsideItsEnum() {
    assertThatThrownBy(() -> OperatorChart.template().set("operator.logFormat", "xml").call())
        .hasMessageContaining("at '/operator/logFormat'");
    assertThatThrownBy(() -> OperatorChart.template().set("image.pullPolicy", "Sometimes").call())
        .hasMessageContaining("at '/image/pullPolicy'");
  }

  @Test
  void rejectsAPrivilegedMetricsPort() {
    assertThatThrownBy(() -> OperatorChart.template().set("metrics.port", 80).call())
        .hasMessageContaining("at '/metrics/port'")
        .hasMessageContaining("minimum");
  }

  @Test
  void rejectsAWatchedNamespaceThatIsNotADnsLabel() {
    assertThatThrownBy(
            () -> OperatorChart.template().set("operator.watchNamespaces[0]", "Team_A").call())
        .hasMessageContaining("at '/operator/watchNamespaces/0'");
  }

  @Test
  void rejectsAnUnknownWebhookKeyAFailurePolicyOutsideItsEnumAndAPrivilegedWebhookPort() {
    assertThatThrownBy(() -> OperatorChart.template().set("webhook.caBundle", "abc").call())
        .hasMessageContaining("at '/webhook'")
        .hasMessageContaining("additional properties 'caBundle' not allowed");
    assertThatThrownBy(() -> OperatorChart.template().set("webhook.failurePolicy", "Warn").call())
        .hasMessageContaining("at '/webhook/failurePolicy'");
    assertThatThrownBy(() -> OperatorChart.template().set("webhook.port", 443).call())
        .hasMessageContaining("at '/webhook/port'")
        .hasMessageContaining("minimum");
    assertThatThrownBy(
            () -> OperatorChart.template().set("webhook.certManager.issuer", "ca").call())
        .hasMessageContaining("at '/webhook/certManager'");
  }

  @Test
  void rejectsWrongTypesAndUnknownKeysInServiceMonitorAndPrometheusRule() {
    assertRejected("metrics.serviceMonitor.enabled", "yes", "/metrics/serviceMonitor/enabled");
    assertRejected(
        "metrics.serviceMonitor.interval", "half a minute", "/metrics/serviceMonitor/interval");
    assertRejected("metrics.serviceMonitor.port", "http", "/metrics/serviceMonitor");
    assertRejected("metrics.prometheusRule.enabled", 1, "/metrics/prometheusRule/enabled");
    assertRejected(
        "metrics.prometheusRule.groups.latency.enabled", true, "/metrics/prometheusRule/groups");
    assertRejected(
        "metrics.prometheusRule.groups.reconciliation.errorRatio",
        5,
        "/metrics/prometheusRule/groups/reconciliation/errorRatio");
    assertRejected(
        "metrics.prometheusRule.groups.jvm.threshold", 1, "/metrics/prometheusRule/groups/jvm");
  }

  @Test
  void rejectsWrongTypesAndUnknownKeysInTheWebhookCertificate() {
    assertRejected(
        "webhook.certificate.validityDays", "a year", "/webhook/certificate/validityDays");
    assertRejected(
        "webhook.certificate.renewBeforeDays", 0, "/webhook/certificate/renewBeforeDays");
    assertRejected("webhook.certificate.renewBefore", "720h", "/webhook/certificate");
  }

  @Test
  void rejectsWrongTypesAndUnknownKeysInAgentRuntime() {
    assertRejected("agentRuntime.image.digest", "sha256:0", "/agentRuntime/image");
    assertRejected("agentRuntime.image.pullPolicy", "Sometimes", "/agentRuntime/image/pullPolicy");
    assertRejected("agentRuntime.resources.requests.gpu", 1, "/agentRuntime/resources/requests");
    assertRejected(
        "agentRuntime.resources.limits.memory", "lots", "/agentRuntime/resources/limits/memory");
    assertRejected("agentRuntime.replicas", 2, "/agentRuntime");
  }

  @Test
  void rejectsWrongTypesAndUnknownKeysInThePodDisruptionBudget() {
    assertRejected("podDisruptionBudget.enabled", "always", "/podDisruptionBudget/enabled");
    assertRejected("podDisruptionBudget.minAvailable", "most", "/podDisruptionBudget/minAvailable");
    assertRejected("podDisruptionBudget.maxUnavailable", 1, "/podDisruptionBudget");
  }

  @Test
  void rejectsWrongTypesAndUnknownKeysInTheNetworkPolicy() {
    assertRejected("networkPolicy.enabled", "on", "/networkPolicy/enabled");
    assertRejected(
        "networkPolicy.apiServer.cidrs[0]", "kubernetes", "/networkPolicy/apiServer/cidrs/0");
    assertRejected("networkPolicy.apiServer.ports[0]", 70000, "/networkPolicy/apiServer/ports/0");
    assertRejected("networkPolicy.postgres.host", "db", "/networkPolicy/postgres");
    assertRejected("networkPolicy.egress", "all", "/networkPolicy");
    assertRejected(
        "networkPolicy.metrics.fromNamespaceSelector.team",
        1,
        "/networkPolicy/metrics/fromNamespaceSelector/team");
  }

  @Test
  void rejectsWrongTypesAndUnknownKeysInRegions() {
    assertRejected("regions[0].region", "eu", "/regions/0");
    assertRejected("regions[0].name", "EU", "/regions/0/name");
    assertRejected("regions[0].code", "EUROPE", "/regions/0/code");
    assertRejected("regions[0].postgres.password", "secret", "/regions/0/postgres");
    assertRejected("regions[0].redis.connection.port", "six", "/regions/0/redis/connection/port");
    assertRejected("regions[0].llmEndpoints[0].provider", "mistral", "/regions/0/llmEndpoints/0");
    assertRejected("regions", "eu", "/regions");
  }

  @Test
  void requiresARegionsNameCodeAndBothConnections() {
    assertThatThrownBy(() -> OperatorChart.template().set("regions[0].code", "EU").call())
        .hasMessageContaining("at '/regions/0'")
        .hasMessageContaining("missing properties")
        .hasMessageContaining("name")
        .hasMessageContaining("postgres")
        .hasMessageContaining("redis");
  }

  /** {@code --set key=value} fails the schema, and the error points at {@code path}. */
  private static void assertRejected(String key, Object value, String path) {
    assertThatThrownBy(() -> OperatorChart.template().set(key, value).call())
        .as("%s=%s", key, value)
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining("at '" + path + "'");
  }

  @Test
  void failsLintForAValuesFileWithAnUnknownKey(@TempDir Path workDir) {
    LintResult result =
        OperatorChart.lintWithValues(
            OperatorChart.testResource("values/unknown-key.yaml"), workDir);

    assertThat(result.isFailed()).isTrue();
    assertThat(result.getMessages())
        .anyMatch(message -> message.contains("additional properties 'replicas' not allowed"));
  }

  @Test
  void failsLintForAValuesFileWithAWrongType(@TempDir Path workDir) {
    LintResult result =
        OperatorChart.lintWithValues(OperatorChart.testResource("values/wrong-type.yaml"), workDir);

    assertThat(result.isFailed()).isTrue();
    assertThat(result.getMessages()).anyMatch(message -> message.contains("at '/replicaCount'"));
  }
}
