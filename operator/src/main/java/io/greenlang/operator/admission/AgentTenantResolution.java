package io.greenlang.operator.admission;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import java.util.Optional;

/**
 * Which Tenant an Agent belongs to: the owner of its namespace {@code gl-<tenant>} (isolation
 * database, cluster or physical), or, in the shared namespace {@code gl-shared}, the logical Tenant
 * its {@code spec.tenant} names. {@code field} is where the tenant came from, so later rules about
 * the tenant (quota) can name it.
 */
public record AgentTenantResolution(Tenant tenant, String field, FieldViolation violation) {
  public static final String NAMESPACE_NOT_TENANT = "NamespaceNotTenant";
  public static final String TENANT_REQUIRED = "TenantRequired";
  public static final String TENANT_NOT_FOUND = "TenantNotFound";
  public static final String TENANT_MISMATCH = "TenantMismatch";
  public static final String ISOLATION_MISMATCH = "IsolationMismatch";

  static final String SPEC_TENANT = "spec.tenant";
  static final String NAMESPACE = "metadata.namespace";

  /** Resolves the Agent's tenant; the namespace is the Agent's own (set it before calling). */
  public static AgentTenantResolution resolve(Agent agent, ResourceLookup lookup) {
    String namespace = agent.getMetadata().getNamespace();
    String named = agent.getSpec() == null ? null : agent.getSpec().getTenant();
    if (TenantNames.SHARED_NAMESPACE.equals(namespace)) {
      return resolveShared(named, lookup);
    }
    String owner = TenantNames.tenantOfNamespace(namespace);
    if (owner == null) {
      return failed(
          NAMESPACE,
          NAMESPACE_NOT_TENANT,
          "namespace \""
              + namespace
              + "\" belongs to no Tenant: Agents live in gl-<tenant> or in "
              + TenantNames.SHARED_NAMESPACE
              + " with spec.tenant");
    }
    if (named != null && !named.equals(owner)) {
      return failed(
          SPEC_TENANT,
          TENANT_MISMATCH,
          "\""
              + named
              + "\" does not match Tenant \""
              + owner
              + "\" that owns namespace "
              + namespace
              + ": leave spec.tenant out or set it to \""
              + owner
              + "\"");
    }
    Optional<Tenant> tenant = lookup.tenant(owner);
    if (tenant.isEmpty()) {
      return failed(
          NAMESPACE,
          NAMESPACE_NOT_TENANT,
          "namespace \""
              + namespace
              + "\" belongs to no Tenant: Tenant \""
              + owner
              + "\" not found");
    }
    if (isolationOf(tenant.get()) == IsolationLevel.LOGICAL) {
      return failed(
          NAMESPACE,
          ISOLATION_MISMATCH,
          "Tenant \""
              + owner
              + "\" has isolation logical: its Agents live in namespace "
              + TenantNames.SHARED_NAMESPACE
              + " with spec.tenant: "
              + owner);
    }
    return new AgentTenantResolution(tenant.get(), named != null ? SPEC_TENANT : NAMESPACE, null);
  }

  private static AgentTenantResolution resolveShared(String named, ResourceLookup lookup) {
    if (named == null || named.isBlank()) {
      return failed(
          SPEC_TENANT,
          TENANT_REQUIRED,
          "required in namespace "
              + TenantNames.SHARED_NAMESPACE
              + ": name the logical Tenant the Agent belongs to");
    }
    Optional<Tenant> tenant = lookup.tenant(named);
    if (tenant.isEmpty()) {
      return failed(SPEC_TENANT, TENANT_NOT_FOUND, "Tenant \"" + named + "\" not found");
    }
    if (isolationOf(tenant.get()) != IsolationLevel.LOGICAL) {
      return failed(
          SPEC_TENANT,
          ISOLATION_MISMATCH,
          "Tenant \""
              + named
              + "\" has isolation "
              + isolationName(tenant.get())
              + ": its Agents live in namespace "
              + TenantNames.namespace(named)
              + ", not "
              + TenantNames.SHARED_NAMESPACE);
    }
    return new AgentTenantResolution(tenant.get(), SPEC_TENANT, null);
  }

  public boolean isResolved() {
    return tenant != null;
  }

  /** Name of the resolved Tenant, or null. */
  public String tenantName() {
    return tenant == null ? null : tenant.getMetadata().getName();
  }

  /** A sentence saying how the tenant was resolved, or the violation. */
  public String message() {
    if (!isResolved()) {
      return violation.describe();
    }
    return isolationOf(tenant) == IsolationLevel.LOGICAL
        ? "spec.tenant names logical Tenant \"" + tenantName() + "\""
        : "Tenant \""
            + tenantName()
            + "\" (isolation "
            + isolationName(tenant)
            + ") owns namespace "
            + TenantNames.namespace(tenantName());
  }

  private static IsolationLevel isolationOf(Tenant tenant) {
    return tenant.getSpec() == null ? null : tenant.getSpec().getIsolation();
  }

  private static String isolationName(Tenant tenant) {
    IsolationLevel isolation = isolationOf(tenant);
    return isolation == null ? "unset" : isolation.name().toLowerCase();
  }

  private static AgentTenantResolution failed(String field, String reason, String message) {
    return new AgentTenantResolution(null, field, new FieldViolation(field, reason, message));
  }
}
