package io.greenlang.benchmarks;

import io.greenlang.crds.common.Condition;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tenants that are not Ready, grouped by the reason of their Ready condition with one example and
 * its message each: the evidence a report gives when a phase does not finish.
 */
final class NotReadyEvidence {
  private NotReadyEvidence() {}

  static List<String> describe(List<Tenant> notReady, int maxGroups) {
    Map<String, List<Tenant>> byReason = new LinkedHashMap<>();
    for (Tenant tenant : notReady) {
      byReason.computeIfAbsent(reason(tenant), r -> new ArrayList<>()).add(tenant);
    }
    List<String> evidence = new ArrayList<>();
    byReason.entrySet().stream()
        .limit(maxGroups)
        .forEach(
            group -> {
              Tenant example = group.getValue().get(0);
              evidence.add(
                  group.getValue().size()
                      + " Tenant(s) not Ready, reason "
                      + group.getKey()
                      + " (e.g. "
                      + example.getMetadata().getName()
                      + ", isolation "
                      + example.getSpec().getIsolation().name().toLowerCase()
                      + message(example)
                      + ")");
            });
    return evidence;
  }

  private static String reason(Tenant tenant) {
    return tenant.getStatus() == null
        ? "none (no status written yet)"
        : tenant
            .getStatus()
            .condition(TenantStatus.READY)
            .map(Condition::getReason)
            .orElse("none (no Ready condition)");
  }

  private static String message(Tenant tenant) {
    return tenant.getStatus() == null
        ? ""
        : tenant
            .getStatus()
            .condition(TenantStatus.READY)
            .map(c -> ": " + c.getMessage())
            .orElse("");
  }
}
