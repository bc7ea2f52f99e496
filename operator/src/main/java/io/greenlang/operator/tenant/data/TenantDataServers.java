package io.greenlang.operator.tenant.data;

import io.greenlang.crds.region.DataServiceConnection;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCluster;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantDataServices;
import io.greenlang.operator.region.ConnectionSecrets;
import io.greenlang.operator.region.PostgresEndpoint;
import io.greenlang.operator.region.RedisEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Which PostgreSQL and Redis servers hold a tenant's data, with administrator credentials: the
 * Region's for isolation logical and database; for cluster and physical a dedicated server named on
 * the Tenant ({@code spec.dataServices}) or on its member cluster in the Region.
 */
@ApplicationScoped
public class TenantDataServers {
  private final ConnectionSecrets secrets;

  public TenantDataServers(ConnectionSecrets secrets) {
    this.secrets = secrets;
  }

  /** Administrator endpoints of the tenant's servers. */
  public Servers resolve(Tenant tenant, Region region, RegionCluster cluster)
      throws ConnectionSecrets.SecretProblem {
    if (!tenant.getSpec().getIsolation().hasDedicatedCluster()) {
      return new Servers(
          secrets.postgres(region.getSpec().getPostgres().getSecretRef()),
          secrets.redis(region.getSpec().getRedis().getSecretRef()));
    }
    Optional<TenantDataServices> own = Optional.ofNullable(tenant.getSpec().getDataServices());
    DataServiceConnection postgres =
        own.map(TenantDataServices::getPostgres).orElse(cluster.getPostgres());
    DataServiceConnection redis = own.map(TenantDataServices::getRedis).orElse(cluster.getRedis());
    if (postgres == null || redis == null) {
      throw new ConnectionSecrets.SecretProblem(
          "NoDedicatedServer",
          "isolation "
              + tenant.getSpec().getIsolation().name().toLowerCase()
              + " needs a dedicated "
              + (postgres == null ? "PostgreSQL" : "Redis")
              + " server: set spec.dataServices or the member cluster's "
              + (postgres == null ? "postgres" : "redis")
              + " in Region "
              + region.getMetadata().getName());
    }
    return new Servers(
        secrets.postgres(postgres.getSecretRef()), secrets.redis(redis.getSecretRef()));
  }

  /**
   * The administrator endpoint of the Region's own PostgreSQL and its shared database, whatever the
   * tenant's isolation: where logical tenants live and the audit archive is kept.
   */
  public PostgresEndpoint regionPostgres(Region region) throws ConnectionSecrets.SecretProblem {
    return secrets.postgres(region.getSpec().getPostgres().getSecretRef());
  }

  /** A tenant's PostgreSQL and Redis servers, as an administrator reaches them. */
  public record Servers(PostgresEndpoint postgres, RedisEndpoint redis) {}
}
