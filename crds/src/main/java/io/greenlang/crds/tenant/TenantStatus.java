package io.greenlang.crds.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.greenlang.crds.common.GreenLangStatus;
import io.greenlang.crds.common.SecretReference;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a Tenant, with the fixed set of condition types below. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantStatus extends GreenLangStatus {
  public static final String READY = "Ready";
  public static final String NAMESPACE_READY = "NamespaceReady";
  public static final String DATABASE_READY = "DatabaseReady";
  public static final String CACHE_READY = "CacheReady";
  public static final String RBAC_READY = "RBACReady";
  public static final String QUOTA_READY = "QuotaReady";
  public static final String RESIDENCY_COMPLIANT = "ResidencyCompliant";

  /** Every Tenant reports exactly these condition types, in this order. */
  public static final List<String> CONDITION_TYPES =
      List.of(
          READY,
          NAMESPACE_READY,
          DATABASE_READY,
          CACHE_READY,
          RBAC_READY,
          QUOTA_READY,
          RESIDENCY_COMPLIANT);

  @JsonPropertyDescription("Pending, Provisioning, Ready, Degraded, Deleting or Failed.")
  private TenantPhase phase;

  @JsonPropertyDescription("Cluster the tenant is placed in.")
  private String cluster;

  @JsonPropertyDescription("Namespaces the tenant's workloads run in.")
  private List<String> namespaces = new ArrayList<>();

  @JsonPropertyDescription("Name of the tenant's database (or shared database for logical).")
  private String database;

  @JsonPropertyDescription("Secret with the tenant's PostgreSQL and Redis credentials.")
  private SecretReference credentialsSecretRef;

  @JsonPropertyDescription("Current usage against quotas and budget.")
  private TenantUsage usage;

  public TenantPhase getPhase() {
    return phase;
  }

  public void setPhase(TenantPhase phase) {
    this.phase = phase;
  }

  public String getCluster() {
    return cluster;
  }

  public void setCluster(String cluster) {
    this.cluster = cluster;
  }

  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces;
  }

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }

  public SecretReference getCredentialsSecretRef() {
    return credentialsSecretRef;
  }

  public void setCredentialsSecretRef(SecretReference credentialsSecretRef) {
    this.credentialsSecretRef = credentialsSecretRef;
  }

  public TenantUsage getUsage() {
    return usage;
  }

  public void setUsage(TenantUsage usage) {
    this.usage = usage;
  }
}
