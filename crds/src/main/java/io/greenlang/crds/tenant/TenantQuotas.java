package io.greenlang.crds.tenant;

/**
 * The quotas in force for a tenant: its tier's defaults (DOMAIN.md, "Tenant tiers") with the
 * tenant's overrides applied. Audit logs are kept {@value #AUDIT_RETENTION_DAYS} days whatever the
 * tier.
 */
public record TenantQuotas(
    int agents,
    int users,
    int apiCallsPerMinute,
    int storageGb,
    long llmTokensPerDay,
    int concurrentRuns,
    int retentionDays) {

  /** Seven years. */
  public static final int AUDIT_RETENTION_DAYS = 7 * 365;

  /** The tier's default quotas. */
  public static TenantQuotas defaultsFor(TenantTier tier) {
    return switch (tier) {
      case FREE -> new TenantQuotas(10, 1, 100, 1, 10_000L, 2, 30);
      case STARTER -> new TenantQuotas(100, 10, 1_000, 10, 100_000L, 10, 90);
      case PROFESSIONAL -> new TenantQuotas(1_000, 100, 10_000, 100, 1_000_000L, 50, 365);
      case ENTERPRISE -> new TenantQuotas(10_000, 1_000, 100_000, 10_000, 10_000_000L, 500, 1_825);
      case CUSTOM -> new TenantQuotas(50_000, 10_000, 100_000, 100_000, 100_000_000L, 1_000, 3_650);
    };
  }

  /** The tier defaults of the spec's tier, overridden field by field by {@code spec.quotas}. */
  public static TenantQuotas of(TenantSpec spec) {
    TenantQuotas base = defaultsFor(spec.getTier() == null ? TenantTier.STARTER : spec.getTier());
    QuotaOverrides o = spec.getQuotas();
    if (o == null) {
      return base;
    }
    return new TenantQuotas(
        o.getAgents() != null ? o.getAgents() : base.agents,
        o.getUsers() != null ? o.getUsers() : base.users,
        o.getApiCallsPerMinute() != null ? o.getApiCallsPerMinute() : base.apiCallsPerMinute,
        o.getStorageGb() != null ? o.getStorageGb() : base.storageGb,
        o.getLlmTokensPerDay() != null ? o.getLlmTokensPerDay() : base.llmTokensPerDay,
        o.getConcurrentRuns() != null ? o.getConcurrentRuns() : base.concurrentRuns,
        o.getRetentionDays() != null ? o.getRetentionDays() : base.retentionDays);
  }
}
