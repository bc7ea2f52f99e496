package io.greenlang.crds.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.greenlang.crds.common.Names;
import java.util.ArrayList;
import java.util.List;

/** Desired state of a Tenant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.sla != 'mission_critical' || self.isolation in ['cluster', 'physical']",
    message = "spec.sla mission_critical requires spec.isolation cluster or physical",
    fieldPath = ".sla",
    reason = "FieldValueForbidden")
@ValidationRule(
    value = "!(self.isolation in ['cluster', 'physical']) || has(self.memberCluster)",
    message = "spec.memberCluster is required for isolation cluster and physical",
    fieldPath = ".memberCluster",
    reason = "FieldValueRequired")
@ValidationRule(
    value = "self.isolation in ['cluster', 'physical'] || !has(self.memberCluster)",
    message = "spec.memberCluster is only allowed for isolation cluster and physical",
    fieldPath = ".memberCluster",
    reason = "FieldValueForbidden")
@ValidationRule(
    value = "self.isolation == 'physical' || !has(self.physical)",
    message = "spec.physical is only allowed for isolation physical",
    fieldPath = ".physical",
    reason = "FieldValueForbidden")
@ValidationRule(
    value = "self.isolation in ['cluster', 'physical'] || !has(self.dataServices)",
    message = "spec.dataServices is only allowed for isolation cluster and physical",
    fieldPath = ".dataServices",
    reason = "FieldValueForbidden")
public class TenantSpec {
  @Required
  @ValidationRule(
      value = "self == oldSelf",
      message = "spec.isolation is immutable: changing it needs a data migration, not an edit")
  @JsonPropertyDescription("Isolation level: logical, database, cluster or physical.")
  private IsolationLevel isolation;

  @Required
  @Size(min = 1, max = Names.DNS_LABEL_MAX)
  @Pattern(Names.DNS_LABEL)
  @ValidationRule(
      value = "self == oldSelf",
      message = "spec.region is immutable: a tenant's data stays in its region")
  @JsonPropertyDescription("Name of the Region the tenant's data must stay in.")
  private String region;

  @Size(min = 1, max = Names.DNS_LABEL_MAX)
  @Pattern(Names.DNS_LABEL)
  @JsonPropertyDescription(
      "Member cluster of the Region dedicated to this tenant (isolation cluster and physical).")
  private String memberCluster;

  @Default("STARTER")
  @JsonPropertyDescription("Commercial tier, deciding default quotas.")
  private TenantTier tier = TenantTier.STARTER;

  @Default("standard")
  @JsonPropertyDescription("SLA tier: standard, enhanced, premium or mission_critical.")
  private SlaTier sla = SlaTier.STANDARD;

  @Size(max = 1000)
  @ValidationRule(
      value =
          "self.all(m, self.exists_one(o, o.kind == m.kind && o.name == m.name"
              + " && (has(o.namespace) ? o.namespace : '') == (has(m.namespace) ? m.namespace : '')))",
      message = "spec.members must not list the same subject twice")
  @JsonPropertyDescription("Users, groups and service accounts with their role.")
  private List<TenantMember> members = new ArrayList<>();

  @JsonPropertyDescription("Overrides of the tier's default quotas.")
  private QuotaOverrides quotas;

  @JsonPropertyDescription("Monthly LLM budget.")
  private TenantBudget budget;

  @JsonPropertyDescription("Names, domain, logo and colours for reports.")
  private TenantBranding branding;

  @JsonPropertyDescription("Settings for isolation level physical.")
  private PhysicalIsolation physical;

  @JsonPropertyDescription(
      "Dedicated PostgreSQL and Redis servers (isolation cluster and physical); when absent, those of"
          + " the member cluster in the Region are used.")
  private TenantDataServices dataServices;

  @Default("Retain")
  @JsonPropertyDescription("Retain (default) keeps tenant data on deletion; Delete removes it.")
  private DeletionPolicy deletionPolicy = DeletionPolicy.Retain;

  public IsolationLevel getIsolation() {
    return isolation;
  }

  public void setIsolation(IsolationLevel isolation) {
    this.isolation = isolation;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getMemberCluster() {
    return memberCluster;
  }

  public void setMemberCluster(String memberCluster) {
    this.memberCluster = memberCluster;
  }

  public TenantTier getTier() {
    return tier;
  }

  public void setTier(TenantTier tier) {
    this.tier = tier;
  }

  public SlaTier getSla() {
    return sla;
  }

  public void setSla(SlaTier sla) {
    this.sla = sla;
  }

  public List<TenantMember> getMembers() {
    return members;
  }

  public void setMembers(List<TenantMember> members) {
    this.members = members;
  }

  public QuotaOverrides getQuotas() {
    return quotas;
  }

  public void setQuotas(QuotaOverrides quotas) {
    this.quotas = quotas;
  }

  public TenantBudget getBudget() {
    return budget;
  }

  public void setBudget(TenantBudget budget) {
    this.budget = budget;
  }

  public TenantBranding getBranding() {
    return branding;
  }

  public void setBranding(TenantBranding branding) {
    this.branding = branding;
  }

  public PhysicalIsolation getPhysical() {
    return physical;
  }

  public void setPhysical(PhysicalIsolation physical) {
    this.physical = physical;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public TenantDataServices getDataServices() {
    return dataServices;
  }

  public void setDataServices(TenantDataServices dataServices) {
    this.dataServices = dataServices;
  }
}
