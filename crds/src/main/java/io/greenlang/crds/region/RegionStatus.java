package io.greenlang.crds.region;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.greenlang.crds.common.GreenLangStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Observed state of a Region: conditions Ready, SecretsResolved, DatabaseReachable, CacheReachable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RegionStatus extends GreenLangStatus {
  public static final String READY = "Ready";
  public static final String SECRETS_RESOLVED = "SecretsResolved";
  public static final String CLUSTERS_REACHABLE = "ClustersReachable";
  public static final String DATABASE_REACHABLE = "DatabaseReachable";
  public static final String CACHE_REACHABLE = "CacheReachable";

  @JsonPropertyDescription("Pending, Ready or NotReady.")
  private RegionPhase phase;

  @JsonPropertyDescription("How many of spec.clusters answered.")
  private Integer reachableClusters;

  @JsonPropertyDescription("Reachability of each cluster.")
  private List<ClusterReachability> clusters = new ArrayList<>();

  @JsonPropertyDescription("How many Tenants are placed in this Region.")
  private Integer tenantCount;

  public RegionPhase getPhase() {
    return phase;
  }

  public void setPhase(RegionPhase phase) {
    this.phase = phase;
  }

  public Integer getReachableClusters() {
    return reachableClusters;
  }

  public void setReachableClusters(Integer reachableClusters) {
    this.reachableClusters = reachableClusters;
  }

  public List<ClusterReachability> getClusters() {
    return clusters;
  }

  public void setClusters(List<ClusterReachability> clusters) {
    this.clusters = clusters;
  }

  public Integer getTenantCount() {
    return tenantCount;
  }

  public void setTenantCount(Integer tenantCount) {
    this.tenantCount = tenantCount;
  }
}
