package io.greenlang.crds.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantQuotasTest {
  @Test
  void tierDefaultsFollowTheDomainTable() {
    assertThat(TenantQuotas.defaultsFor(TenantTier.FREE))
        .isEqualTo(new TenantQuotas(10, 1, 100, 1, 10_000L, 2, 30));
    assertThat(TenantQuotas.defaultsFor(TenantTier.ENTERPRISE).concurrentRuns()).isEqualTo(500);
    assertThat(TenantQuotas.defaultsFor(TenantTier.CUSTOM).llmTokensPerDay())
        .isEqualTo(100_000_000L);
  }

  @Test
  void overridesReplaceOnlyTheFieldsTheySet() {
    TenantSpec spec = new TenantSpec();
    spec.setTier(TenantTier.PROFESSIONAL);
    QuotaOverrides overrides = new QuotaOverrides();
    overrides.setAgents(25);
    spec.setQuotas(overrides);

    TenantQuotas quotas = TenantQuotas.of(spec);

    assertThat(quotas.agents()).isEqualTo(25);
    assertThat(quotas.users()).isEqualTo(100);
  }

  @Test
  void namesDeriveFromTheTenant() {
    assertThat(TenantNames.namespace("acme-steel")).isEqualTo("gl-acme-steel");
    assertThat(TenantNames.tenantOfNamespace("gl-acme-steel")).isEqualTo("acme-steel");
    assertThat(TenantNames.tenantOfNamespace("gl-shared")).isNull();
    assertThat(TenantNames.tenantOfNamespace("default")).isNull();
    assertThat(TenantNames.postgresIdentifier("acme-steel")).isEqualTo("gl_acme_steel");
    assertThat(TenantNames.redisPrefix("acme-steel")).isEqualTo("t:acme-steel:");
  }
}
