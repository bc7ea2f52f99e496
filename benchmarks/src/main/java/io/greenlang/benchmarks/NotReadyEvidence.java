package io.greenlang.benchmarks;

import io.greenlang.crds.common.Condition;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tenants that are not Ready, grouped by the reason and message of their Ready condition (Tenant
 * names masked), with a count and one example each: the evidence a report gives when a phase does
 * not finish.
 */
final class NotReadyEvidence {
  private static final int MESSAGE_LENGTH = 240;

  private NotReadyEvidence() {}

  static List<String> describe(List<Tenant> notReady, int maxGroups) {
    Map<String, List<Tenant>> byReason = new LinkedHashMap<>();
    for (Tenant tenant : notReady) {
      byReason
          .computeIfAbsent(reason(tenant) + shape(message(tenant)), r -> new ArrayList<>())
          .add(tenant);
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
                      + ")");
            });
    return evidence;
  }

  /** The message with Tenant names and their PostgreSQL identifiers masked, so alike ones group. */
  private static String shape(String message) {
    String masked =
        message
            .replaceAll("bench-[0-9a-f]{4}-[a-z]\\d{5}", "<tenant>")
            .replaceAll("gl_bench_[0-9a-f]{4}_[a-z]\\d{5}", "<role>");
    return masked.length() <= MESSAGE_LENGTH ? masked : masked.substring(0, MESSAGE_LENGTH) + "...";
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
