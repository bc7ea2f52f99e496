package io.greenlang.crds.tenant;

/** Summary of a Tenant's provisioning state. */
public enum TenantPhase {
  Pending,
  Provisioning,
  Ready,
  Degraded,
  Deleting,
  Failed
}
