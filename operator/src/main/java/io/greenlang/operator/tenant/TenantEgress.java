package io.greenlang.operator.tenant;

import io.greenlang.crds.region.LlmEndpoint;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.ResidencyPolicy;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.PhysicalIsolation;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.operator.region.ConnectionSecrets;
import io.greenlang.operator.tenant.desired.EgressTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a tenant's pods may connect: the Region's PostgreSQL and Redis, and the LLM endpoints its
 * isolation level allows (physical: only in-region and in-cluster ones; air-gapped: only
 * in-cluster).
 */
@ApplicationScoped
public class TenantEgress {
  private final ConnectionSecrets secrets;

  public TenantEgress(ConnectionSecrets secrets) {
    this.secrets = secrets;
  }

  /** PostgreSQL and Redis of the Region, by port and the CIDRs the Region lists for them. */
  public List<EgressTarget> dataServices(Region region) throws ConnectionSecrets.SecretProblem {
    var spec = region.getSpec();
    return List.of(
        new EgressTarget(
            "postgres",
            secrets.postgres(spec.getPostgres().getSecretRef()).port(),
            spec.getPostgres().getCidrs()),
        new EgressTarget(
            "redis",
            secrets.redis(spec.getRedis().getSecretRef()).port(),
            spec.getRedis().getCidrs()));
  }

  /** The Region's LLM endpoints this tenant may reach, or all of them for the shared namespace. */
  public static List<EgressTarget> llmEndpoints(Region region, Tenant tenantOrNull) {
    List<EgressTarget> targets = new ArrayList<>();
    for (LlmEndpoint endpoint : region.getSpec().getLlmEndpoints()) {
      if (tenantOrNull == null || reachable(region, tenantOrNull, endpoint.getLocation())) {
        targets.add(
            new EgressTarget(endpoint.getName(), port(endpoint.getUrl()), endpoint.getCidrs()));
      }
    }
    return targets;
  }

  private static boolean reachable(Region region, Tenant tenant, String location) {
    if (tenant.getSpec().getIsolation() != IsolationLevel.PHYSICAL) {
      return true;
    }
    PhysicalIsolation physical = tenant.getSpec().getPhysical();
    boolean airGapped = physical != null && Boolean.TRUE.equals(physical.getAirGapped());
    if (ResidencyPolicy.LOCAL.equals(location)) {
      return true;
    }
    return !airGapped && ResidencyPolicy.inRegion(region.getSpec()).contains(location);
  }

  static int port(String url) {
    URI uri = URI.create(url);
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
  }
}
