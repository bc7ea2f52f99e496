package io.greenlang.benchmarks;

import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.PhysicalIsolation;
import io.greenlang.crds.tenant.SubjectKind;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantMember;
import io.greenlang.crds.tenant.TenantRole;
import io.greenlang.crds.tenant.TenantSpec;
import io.greenlang.crds.tenant.TenantTier;
import java.util.ArrayList;
import java.util.List;

/**
 * The Tenants a phase creates, as pure data: names {@code <prefix>00001...}, isolation levels in
 * turn, cluster and physical Tenants spread over the shared member clusters in turn.
 */
final class TenantBlueprints {
  private static final IsolationLevel[] ALL_LEVELS = IsolationLevel.values();

  private final String namePrefix;

  /**
   * Tenants named {@code namePrefix} plus a five-digit number; the prefix keeps the databases,
   * roles and Redis users of one run and phase apart from any other.
   */
  TenantBlueprints(String namePrefix) {
    this.namePrefix = namePrefix;
  }

  /** {@code count} Tenants cycling through the four isolation levels (a quarter each). */
  List<Tenant> mixed(int count, List<String> memberClusters) {
    List<Tenant> tenants = new ArrayList<>(count);
    int dedicated = 0;
    for (int i = 0; i < count; i++) {
      IsolationLevel level = ALL_LEVELS[i % ALL_LEVELS.length];
      String member = null;
      if (level.hasDedicatedCluster()) {
        member = memberClusters.get(dedicated++ % memberClusters.size());
      }
      tenants.add(tenant(name(i), level, member));
    }
    return tenants;
  }

  /** {@code count} Tenants with isolation logical, tier professional. */
  List<Tenant> logical(int count) {
    return logical(count, TenantTier.PROFESSIONAL);
  }

  /** {@code count} Tenants with isolation logical and the given tier (which sets their quotas). */
  List<Tenant> logical(int count, TenantTier tier) {
    List<Tenant> tenants = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Tenant tenant = tenant(name(i), IsolationLevel.LOGICAL, null);
      tenant.getSpec().setTier(tier);
      tenants.add(tenant);
    }
    return tenants;
  }

  /** Every {@code count}-th-of-the-whole Tenant, so a sample spreads over all isolation levels. */
  static List<String> evenSample(List<Tenant> tenants, int count) {
    List<String> sample = new ArrayList<>();
    if (count <= 0 || tenants.isEmpty()) {
      return sample;
    }
    double step = Math.max(1.0, (double) tenants.size() / count);
    for (double i = 0; i < tenants.size() && sample.size() < count; i += step) {
      sample.add(tenants.get((int) i).getMetadata().getName());
    }
    return sample;
  }

  /** The member a spec change adds: a new analyst, which bumps metadata.generation. */
  static TenantMember addedMember(String tenant) {
    return new TenantMember(
        SubjectKind.User, "bench-change@" + tenant + ".example", TenantRole.VIEWER);
  }

  String name(int index) {
    return namePrefix + "%05d".formatted(index);
  }

  private static Tenant tenant(String name, IsolationLevel level, String memberCluster) {
    TenantSpec spec = new TenantSpec();
    spec.setIsolation(level);
    spec.setRegion(BenchmarkRegion.NAME);
    spec.setTier(TenantTier.PROFESSIONAL);
    spec.setMemberCluster(memberCluster);
    spec.setMembers(
        new ArrayList<>(
            List.of(
                new TenantMember(
                    SubjectKind.User, "ann@" + name + ".example", TenantRole.TENANT_ADMIN),
                new TenantMember(SubjectKind.Group, name + ":analysts", TenantRole.ANALYST))));
    if (level == IsolationLevel.PHYSICAL) {
      PhysicalIsolation physical = new PhysicalIsolation();
      physical.setRuntimeClassName("gvisor");
      spec.setPhysical(physical);
    }
    Tenant tenant = new Tenant();
    tenant.getMetadata().setName(name);
    tenant.setSpec(spec);
    return tenant;
  }
}
