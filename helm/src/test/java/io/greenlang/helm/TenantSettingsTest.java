package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * templates/deployment.yaml: the Tenant reconciliation settings (values tenants.*) passed to the
 * operator: the controller's resync interval and the shared-namespace recheck interval.
 */
class TenantSettingsTest {
  private static final String RESYNC =
      "QUARKUS_OPERATOR_SDK_CONTROLLERS_TENANT_MAX_RECONCILIATION_INTERVAL";
  private static final String RECHECK = "GREENLANG_TENANT_SHARED_OBJECTS_RECHECK_INTERVAL";

  private static Map<String, String> env(RenderedChart chart) {
    return chart.operatorEnv(name -> name.equals(RESYNC) || name.equals(RECHECK));
  }

  @Test
  void passesTheDefaults() {
    assertThat(env(OperatorChart.render()))
        .containsExactlyInAnyOrderEntriesOf(Map.of(RESYNC, "30m", RECHECK, "5m"));
  }

  @Test
  void takesEveryValueFromAValuesFile() {
    assertThat(env(OperatorChart.render(OperatorChart.testResource("values/non-default.yaml"))))
        .containsExactlyInAnyOrderEntriesOf(Map.of(RESYNC, "2h", RECHECK, "90s"));
  }

  @Test
  void refusesWhatIsNoDuration() {
    assertThatThrownBy(() -> OperatorChart.render(Map.of("tenants.resyncInterval", "daily")))
        .hasMessageContaining("resyncInterval");
  }
}
