package io.greenlang.crds.tenant;

/**
 * Names derived from a tenant's name: its namespace, PostgreSQL identifiers and Redis key prefix.
 * Tenant names are validated by the CRD (letter first, a-z0-9 and '-', at most 40 characters), so
 * every name here is valid for its system.
 */
public final class TenantNames {
  /** Namespace of a region's logical tenants. */
  public static final String SHARED_NAMESPACE = "gl-shared";

  private static final String NAMESPACE_PREFIX = "gl-";

  private TenantNames() {}

  /** Namespace of a tenant with isolation database, cluster or physical. */
  public static String namespace(String tenant) {
    return NAMESPACE_PREFIX + tenant;
  }

  /** Namespace a tenant's workloads run in: its own, or the shared one for isolation logical. */
  public static String workloadNamespace(Tenant tenant) {
    return tenant.getSpec().getIsolation() == IsolationLevel.LOGICAL
        ? SHARED_NAMESPACE
        : namespace(tenant.getMetadata().getName());
  }

  /**
   * The tenant owning a dedicated namespace {@code gl-<tenant>}, or null for any other namespace.
   */
  public static String tenantOfNamespace(String namespace) {
    if (namespace == null
        || !namespace.startsWith(NAMESPACE_PREFIX)
        || namespace.equals(SHARED_NAMESPACE)) {
      return null;
    }
    return namespace.substring(NAMESPACE_PREFIX.length());
  }

  /** PostgreSQL identifier stem {@code gl_<tenant>}, '-' replaced by '_'. */
  public static String postgresIdentifier(String tenant) {
    return "gl_" + tenant.replace('-', '_');
  }

  /** Prefix of every Redis key and channel of the tenant. */
  public static String redisPrefix(String tenant) {
    return "t:" + tenant + ":";
  }
}
