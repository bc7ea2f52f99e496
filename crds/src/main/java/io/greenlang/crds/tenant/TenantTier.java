package io.greenlang.crds.tenant;

/** Commercial tier; decides default quotas (DOMAIN.md, "Tenant tiers"). */
public enum TenantTier {
  FREE,
  STARTER,
  PROFESSIONAL,
  ENTERPRISE,
  CUSTOM
}
