package io.greenlang.operator.tenant.desired;

import io.greenlang.crds.tenant.TenantTier;

/**
 * Compute limits of a tenant namespace by tier. DOMAIN.md's tier table sets agents and storage;
 * pods, CPU and memory are this operator's defaults, sized so a tier's agent quota fits at a few
 * pods each.
 */
public record TierComputeQuota(int pods, String cpu, String memory) {
  public static TierComputeQuota of(TenantTier tier) {
    return switch (tier) {
      case FREE -> new TierComputeQuota(20, "4", "8Gi");
      case STARTER -> new TierComputeQuota(100, "16", "32Gi");
      case PROFESSIONAL -> new TierComputeQuota(500, "64", "128Gi");
      case ENTERPRISE -> new TierComputeQuota(2000, "256", "512Gi");
      case CUSTOM -> new TierComputeQuota(10000, "1024", "2Ti");
    };
  }
}
