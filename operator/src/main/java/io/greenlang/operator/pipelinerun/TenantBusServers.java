package io.greenlang.operator.pipelinerun;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCluster;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.operator.region.ConnectionSecrets;
import io.greenlang.operator.region.RedisEndpoint;
import io.greenlang.operator.tenant.data.TenantDataServers;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Redis server a tenant's step bus runs on, with administrator credentials: its Region's shared
 * server, or its dedicated server for isolation cluster and physical ({@link TenantDataServers}).
 * Resolutions are reused for {@code server-cache-ttl}, so a busy tenant does not read its Region
 * and Secrets for every step; a changed Tenant is resolved again at once.
 */
@ApplicationScoped
public class TenantBusServers {
  private final KubernetesClient client;
  private final TenantDataServers servers;
  private final PipelineRunSettings settings;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public TenantBusServers(
      KubernetesClient client, TenantDataServers servers, PipelineRunSettings settings) {
    this.client = client;
    this.servers = servers;
    this.settings = settings;
    this.clock = Clock.systemUTC();
  }

  /** The tenant's Redis server; throws {@link ServerUnavailable} saying why there is none. */
  public RedisEndpoint of(Tenant tenant) {
    String name = tenant.getMetadata().getName();
    String version = tenant.getMetadata().getResourceVersion();
    Instant now = clock.instant();
    Cached known = cache.get(name);
    if (known != null
        && Objects.equals(known.tenantVersion, version)
        && now.isBefore(known.until)) {
      return known.endpoint;
    }
    RedisEndpoint endpoint = resolve(tenant);
    cache.put(name, new Cached(endpoint, version, now.plus(settings.serverCacheTtl())));
    return endpoint;
  }

  private RedisEndpoint resolve(Tenant tenant) {
    String regionName = tenant.getSpec().getRegion();
    Region region = client.resources(Region.class).withName(regionName).get();
    if (region == null) {
      throw new ServerUnavailable("Region \"" + regionName + "\" of the tenant not found");
    }
    RegionCluster cluster =
        region.getSpec().getClusters().stream()
            .filter(c -> Objects.equals(c.getName(), tenant.getSpec().getMemberCluster()))
            .findFirst()
            // Without its member cluster a dedicated tenant can still name its own servers.
            .orElseGet(RegionCluster::new);
    try {
      return servers.resolve(tenant, region, cluster).redis();
    } catch (ConnectionSecrets.SecretProblem problem) {
      throw new ServerUnavailable(problem.getMessage());
    }
  }

  private record Cached(RedisEndpoint endpoint, String tenantVersion, Instant until) {}

  /** The tenant's Redis server cannot be named now (Region or Secret missing). */
  public static class ServerUnavailable extends RuntimeException {
    public ServerUnavailable(String message) {
      super(message);
    }
  }
}
