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
