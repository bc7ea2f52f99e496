package io.greenlang.crds.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How strongly a tenant is separated from others (DOMAIN.md, "Isolation levels"). */
public enum IsolationLevel {
  /** Level 1: shared namespace, row-level security, ACL user per tenant. */
  @JsonProperty("logical")
  LOGICAL,
  /** Level 2: own namespace and database in the region's shared cluster. */
  @JsonProperty("database")
  DATABASE,
  /** Level 3: a member cluster and data servers dedicated to the tenant. */
  @JsonProperty("cluster")
  CLUSTER,
  /** Level 4: as cluster, plus dedicated nodes, sandboxed runtime and in-region egress only. */
  @JsonProperty("physical")
  PHYSICAL;

  /** Whether the tenant runs in a member cluster dedicated to it. */
  public boolean hasDedicatedCluster() {
    return this == CLUSTER || this == PHYSICAL;
  }
}
