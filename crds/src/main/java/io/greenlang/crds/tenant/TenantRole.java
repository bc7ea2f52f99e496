package io.greenlang.crds.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The eight roles (DOMAIN.md); each is a ClusterRole {@code greenlang-<id>} and a runtime
 * permission set.
 */
public enum TenantRole {
  @JsonProperty("super_admin")
  SUPER_ADMIN("super_admin"),
  @JsonProperty("tenant_admin")
  TENANT_ADMIN("tenant_admin"),
  @JsonProperty("developer")
  DEVELOPER("developer"),
  @JsonProperty("operator")
  OPERATOR("operator"),
  @JsonProperty("analyst")
  ANALYST("analyst"),
  @JsonProperty("auditor")
  AUDITOR("auditor"),
  @JsonProperty("viewer")
  VIEWER("viewer"),
  @JsonProperty("api_service")
  API_SERVICE("api_service");

  private final String id;

  TenantRole(String id) {
    this.id = id;
  }

  /** The role's id as written in manifests. */
  public String id() {
    return id;
  }

  /** Name of the ClusterRole the Helm chart installs for this role. */
  public String clusterRoleName() {
    return "greenlang-" + id;
  }
}
