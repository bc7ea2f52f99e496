package io.greenlang.crds.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.greenlang.crds.region.DataServiceConnection;

/**
 * Dedicated PostgreSQL and Redis servers of a tenant with isolation cluster or physical; the
 * Secrets hold administrator credentials the operator uses to create the tenant's database, role
 * and ACL user.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantDataServices {
  @JsonPropertyDescription("The tenant's dedicated PostgreSQL server.")
  private DataServiceConnection postgres;

  @JsonPropertyDescription("The tenant's dedicated Redis server.")
  private DataServiceConnection redis;

  public DataServiceConnection getPostgres() {
    return postgres;
  }

  public void setPostgres(DataServiceConnection postgres) {
    this.postgres = postgres;
  }

  public DataServiceConnection getRedis() {
    return redis;
  }

  public void setRedis(DataServiceConnection redis) {
    this.redis = redis;
  }
}
