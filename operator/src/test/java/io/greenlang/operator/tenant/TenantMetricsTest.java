package io.greenlang.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantPhase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** TenantMetrics: per-tenant usage, quotas and budget, tenants by phase, removal on deletion. */
class TenantMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TenantMetrics metrics = new TenantMetrics(registry);

  private static Tenant tenant(String name, String budget, String quotas) {
    return Serialization.unmarshal(
        """
        apiVersion: greenlang.io/v1alpha1
        kind: Tenant
        metadata: {name: %s}
        spec:
          isolation: database
          region: eu
          tier: STARTER
          %s
          %s
        """
            .formatted(name, budget, quotas),
        Tenant.class);
  }

  private double gauge(String name, String tenant, String resource) {
    var search = registry.get(name).tag("tenant", tenant);
    return (resource == null ? search : search.tag("resource", resource)).gauge().value();
  }

  @Test
  void registersEveryPhaseAtZeroAtStart() {
    for (TenantPhase phase : TenantPhase.values()) {
      assertThat(registry.get("greenlang.tenants").tag("phase", phase.name()).gauge().value())
          .isZero();
    }
  }

  @Test
  void exportsAgentsQuotasWithOverridesAndTheBudget() {
    metrics.observe(
        tenant("acme", "budget: {monthlyLimitUsd: \"2500.00\"}", "quotas: {agents: 7}"),
        TenantPhase.Ready,
        3);

    assertThat(gauge("greenlang.tenant.agents", "acme", null)).isEqualTo(3);
    assertThat(gauge("greenlang.tenant.quota", "acme", "agents")).isEqualTo(7);
    // STARTER defaults where nothing overrides them.
    assertThat(gauge("greenlang.tenant.quota", "acme", "llm_tokens_per_day")).isEqualTo(100_000);
    assertThat(gauge("greenlang.tenant.quota", "acme", "concurrent_runs")).isEqualTo(10);
    assertThat(gauge("greenlang.tenant.budget.monthly.limit", "acme", null)).isEqualTo(2500.0);
    assertThat(registry.get("greenlang.tenants").tag("phase", "Ready").gauge().value()).isOne();
  }

  @Test
  void followsChangesAndDropsTheBudgetWhenTheSpecDropsIt() {
    metrics.observe(tenant("acme", "budget: {monthlyLimitUsd: \"10\"}", ""), TenantPhase.Ready, 1);
    metrics.observe(tenant("acme", "", ""), TenantPhase.Degraded, 2);

    assertThat(gauge("greenlang.tenant.agents", "acme", null)).isEqualTo(2);
    assertThat(registry.find("greenlang.tenant.budget.monthly.limit").gauges()).isEmpty();
    assertThat(registry.get("greenlang.tenants").tag("phase", "Ready").gauge().value()).isZero();
    assertThat(registry.get("greenlang.tenants").tag("phase", "Degraded").gauge().value()).isOne();
  }

  @Test
  void forgetsADeletedTenantsSeries() {
    metrics.observe(tenant("acme", "budget: {monthlyLimitUsd: \"10\"}", ""), TenantPhase.Ready, 1);
    metrics.observe(tenant("globex", "", ""), TenantPhase.Ready, 1);

    metrics.forget("acme");

    assertThat(registry.find("greenlang.tenant.quota").tag("tenant", "acme").gauges()).isEmpty();
    assertThat(registry.find("greenlang.tenant.agents").tag("tenant", "acme").gauges()).isEmpty();
    assertThat(registry.find("greenlang.tenant.budget.monthly.limit").gauges()).isEmpty();
    assertThat(registry.find("greenlang.tenant.quota").tag("tenant", "globex").gauges()).hasSize(6);
    assertThat(registry.get("greenlang.tenants").tag("phase", "Ready").gauge().value()).isOne();
  }
}
