package io.greenlang.operator.pipeline;

import io.greenlang.crds.tenant.TenantNames;

/**
 * Which tenant a Pipeline (and so its runs) belongs to, by the rule Agents follow: the owner of its
 * namespace {@code gl-<tenant>}, or in {@code gl-shared} the logical tenant {@code spec.tenant}
 * names. Either the tenant's name or the problem, naming the field.
 */
public record PipelineTenant(String name, PipelineProblem problem) {

  /** Resolves the tenant of a Pipeline in {@code namespace} whose spec names {@code named}. */
  public static PipelineTenant of(String namespace, String named) {
    if (TenantNames.SHARED_NAMESPACE.equals(namespace)) {
      return named == null || named.isBlank()
          ? failed(
              "spec.tenant",
              "required in namespace "
                  + TenantNames.SHARED_NAMESPACE
                  + ": name the logical Tenant the Pipeline belongs to")
          : new PipelineTenant(named, null);
    }
    String owner = TenantNames.tenantOfNamespace(namespace);
    if (owner == null) {
      return failed(
          "metadata.namespace",
          "namespace \""
              + namespace
              + "\" belongs to no Tenant: Pipelines live in gl-<tenant> or in "
              + TenantNames.SHARED_NAMESPACE
              + " with spec.tenant");
    }
    if (named != null && !named.equals(owner)) {
      return failed(
          "spec.tenant",
          "\""
              + named
              + "\" does not match Tenant \""
              + owner
              + "\" that owns namespace "
              + namespace);
    }
    return new PipelineTenant(owner, null);
  }

  public boolean isResolved() {
    return name != null;
  }

  private static PipelineTenant failed(String field, String message) {
    return new PipelineTenant(
        null, new PipelineProblem(PipelineProblem.TENANT_NOT_RESOLVED, field, message));
  }
}
