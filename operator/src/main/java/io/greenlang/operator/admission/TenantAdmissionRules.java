package io.greenlang.operator.admission;

import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCluster;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantSpec;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rules for a Tenant that the CRD schema cannot express because they read other objects: its Region
 * exists, and a tenant with a dedicated cluster names a member cluster of that Region that is not
 * dedicated to someone else.
 */
public final class TenantAdmissionRules {
  public static final String REGION_NOT_FOUND = "RegionNotFound";
  public static final String CLUSTER_NOT_IN_REGION = "ClusterNotInRegion";
  public static final String LOCAL_CLUSTER_NOT_ALLOWED = "LocalClusterNotAllowed";
  public static final String CLUSTER_DEDICATED_TO_OTHER = "ClusterDedicatedToOtherTenant";
  public static final String FIELD_REQUIRED = "FieldRequired";

  private TenantAdmissionRules() {}

  /** Every rule the Tenant breaks; empty when it may be stored. */
  public static List<FieldViolation> check(Tenant tenant, ResourceLookup lookup) {
    TenantSpec spec = tenant.getSpec();
    if (spec == null) {
      return List.of(new FieldViolation("spec", FIELD_REQUIRED, "required"));
    }
    if (spec.getRegion() == null || spec.getRegion().isBlank()) {
      return List.of(
          new FieldViolation(
              "spec.region", FIELD_REQUIRED, "required: name the Region the data must stay in"));
    }
    Optional<Region> region = lookup.region(spec.getRegion());
    if (region.isEmpty()) {
      return List.of(
          new FieldViolation(
              "spec.region", REGION_NOT_FOUND, "Region \"" + spec.getRegion() + "\" not found"));
    }
    if (spec.getIsolation() == null || !spec.getIsolation().hasDedicatedCluster()) {
      return List.of();
    }
    return memberClusterViolation(tenant.getMetadata().getName(), spec, region.get())
        .map(List::of)
        .orElse(List.of());
  }

  private static Optional<FieldViolation> memberClusterViolation(
      String tenantName, TenantSpec spec, Region region) {
    String isolation = spec.getIsolation().name().toLowerCase();
    String regionName = region.getMetadata().getName();
    String wanted = spec.getMemberCluster();
    if (wanted == null || wanted.isBlank()) {
      return Optional.of(
          new FieldViolation(
              "spec.memberCluster",
              FIELD_REQUIRED,
              "required for isolation "
                  + isolation
                  + ": name a member cluster of Region \""
                  + regionName
                  + "\""));
    }
    List<RegionCluster> clusters =
        region.getSpec() == null || region.getSpec().getClusters() == null
            ? List.of()
            : region.getSpec().getClusters();
    Optional<RegionCluster> cluster =
        clusters.stream().filter(c -> wanted.equals(c.getName())).findFirst();
    if (cluster.isEmpty()) {
      return Optional.of(
          violation(
              CLUSTER_NOT_IN_REGION,
              "cluster \""
                  + wanted
                  + "\" is not a cluster of Region \""
                  + regionName
                  + "\" (member clusters: "
                  + memberNames(clusters)
                  + ")"));
    }
    if (Boolean.TRUE.equals(cluster.get().getLocal())) {
      return Optional.of(
          violation(
              LOCAL_CLUSTER_NOT_ALLOWED,
              "cluster \""
                  + wanted
                  + "\" is Region \""
                  + regionName
                  + "\"'s local cluster, shared by its tenants: isolation "
                  + isolation
                  + " needs a member cluster"));
    }
    String dedicatedTo = cluster.get().getDedicatedTo();
    if (dedicatedTo != null && !dedicatedTo.equals(tenantName)) {
      return Optional.of(
          violation(
              CLUSTER_DEDICATED_TO_OTHER,
              "cluster \""
                  + wanted
                  + "\" of Region \""
                  + regionName
                  + "\" is dedicated to tenant \""
                  + dedicatedTo
                  + "\""));
    }
    return Optional.empty();
  }

  private static FieldViolation violation(String reason, String message) {
    return new FieldViolation("spec.memberCluster", reason, message);
  }

  private static String memberNames(List<RegionCluster> clusters) {
    String names =
        clusters.stream()
            .filter(c -> !Boolean.TRUE.equals(c.getLocal()))
            .map(RegionCluster::getName)
            .collect(Collectors.joining(", "));
    return names.isEmpty() ? "none" : names;
  }
}
