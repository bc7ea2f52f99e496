package io.greenlang.crds.tenant;

/** What happens to a tenant's data when the Tenant is deleted. */
public enum DeletionPolicy {
  /** Keep databases, roles, ACL users and Secrets (the default: data is never lost by accident). */
  Retain,
  /** Remove everything the operator created for the tenant. */
  Delete
}
