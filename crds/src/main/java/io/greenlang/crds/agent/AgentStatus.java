package io.greenlang.crds.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.greenlang.crds.common.GreenLangStatus;

/**
 * Observed state of an Agent: conditions TenantResolved, ResidencyCompliant and QuotaCompliant (the
 * admission rules, re-checked by the operator), and Ready and Available once it runs a workload.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentStatus extends GreenLangStatus {
  public static final String READY = "Ready";
  public static final String AVAILABLE = "Available";
  public static final String TENANT_RESOLVED = "TenantResolved";
  public static final String RESIDENCY_COMPLIANT = "ResidencyCompliant";
  public static final String QUOTA_COMPLIANT = "QuotaCompliant";

  @JsonPropertyDescription("Lifecycle phase.")
  private AgentPhase phase;

  @JsonPropertyDescription("Tenant the agent belongs to, resolved from spec or namespace.")
  private String tenant;

  @JsonPropertyDescription("Ready and desired replicas, such as 2/3.")
  private String replicas;

  @JsonPropertyDescription("Replicas ready to take work.")
  private Integer readyReplicas;

  @JsonPropertyDescription("In-cluster URL of the agent's API.")
  private String endpoint;

  public AgentPhase getPhase() {
    return phase;
  }

  public void setPhase(AgentPhase phase) {
    this.phase = phase;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getReplicas() {
    return replicas;
  }

  public void setReplicas(String replicas) {
    this.replicas = replicas;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }
}
