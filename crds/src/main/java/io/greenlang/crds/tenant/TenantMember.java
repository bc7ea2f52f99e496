package io.greenlang.crds.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.greenlang.crds.common.Names;

/** A user, group or service account and the one role it has in the tenant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "self.role in ['super_admin', 'tenant_admin', 'developer', 'operator', 'analyst', 'auditor',"
            + " 'viewer', 'api_service']",
    message = "role must be one of the eight roles",
    fieldPath = ".role")
@ValidationRule(
    value = "self.kind == 'ServiceAccount' || !has(self.namespace)",
    message = "namespace is only allowed for ServiceAccount members",
    fieldPath = ".namespace")
public class TenantMember {
  @Required
  @JsonPropertyDescription("User, Group or ServiceAccount.")
  private SubjectKind kind;

  @Required
  @Size(min = 1, max = 253)
  @JsonPropertyDescription("Subject name as the cluster's authenticator reports it.")
  private String name;

  @Size(min = 1, max = Names.DNS_LABEL_MAX)
  @Pattern(Names.DNS_LABEL)
  @JsonPropertyDescription("Namespace of a ServiceAccount; defaults to the tenant's namespace.")
  private String namespace;

  @Required
  @JsonPropertyDescription("One of the eight roles.")
  private TenantRole role;

  public TenantMember() {}

  public TenantMember(SubjectKind kind, String name, TenantRole role) {
    this.kind = kind;
    this.name = name;
    this.role = role;
  }

  public SubjectKind getKind() {
    return kind;
  }

  public void setKind(SubjectKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public TenantRole getRole() {
    return role;
  }

  public void setRole(TenantRole role) {
    this.role = role;
  }
}
