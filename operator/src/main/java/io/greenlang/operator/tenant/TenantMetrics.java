package io.greenlang.operator.tenant;

import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantBudget;
import io.greenlang.crds.tenant.TenantPhase;
import io.greenlang.crds.tenant.TenantQuotas;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the operator knows about each tenant, for the tenants dashboard (docs/operations/
 * monitoring.md): {@code greenlang_tenants{phase}} (registered for every phase at startup), and per
 * tenant {@code greenlang_tenant_agents}, {@code greenlang_tenant_quota{resource}} (the quotas in
 * force: tier defaults with the tenant's overrides) and {@code
 * greenlang_tenant_budget_monthly_limit_usd}. The month's LLM spend comes from the agent runtime
 * ({@code greenlang_llm_budget_spent_usd}), which is where calls are settled.
 */
@Startup
@ApplicationScoped
public class TenantMetrics {
  private final MeterRegistry registry;
  private final Map<String, TenantPhase> phases = new ConcurrentHashMap<>();
  private final Map<String, TenantMeters> tenants = new ConcurrentHashMap<>();

  public TenantMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (TenantPhase phase : TenantPhase.values()) {
      Gauge.builder("greenlang.tenants", phases, p -> count(p, phase))
          .description("Tenants by phase")
          .tag("phase", phase.name())
          .register(registry);
    }
  }

  /** Records the tenant as its status and spec now say, with {@code agents} Agents. */
  void observe(Tenant tenant, TenantPhase phase, int agents) {
    String name = tenant.getMetadata().getName();
    if (phase != null) {
      phases.put(name, phase);
    }
    tenants.computeIfAbsent(name, TenantMeters::new).update(tenant, agents);
  }

  /** Removes every series of a tenant that is gone. */
  void forget(String tenant) {
    phases.remove(tenant);
    TenantMeters meters = tenants.remove(tenant);
    if (meters != null) {
      meters.registered.forEach(registry::remove);
    }
  }

  /** The quotas as exported, by the {@code resource} label. */
  static Map<String, Long> quotaValues(TenantQuotas quotas) {
    Map<String, Long> values = new LinkedHashMap<>();
    values.put("agents", (long) quotas.agents());
    values.put("users", (long) quotas.users());
    values.put("api_calls_per_minute", (long) quotas.apiCallsPerMinute());
    values.put("storage_gb", (long) quotas.storageGb());
    values.put("llm_tokens_per_day", quotas.llmTokensPerDay());
    values.put("concurrent_runs", (long) quotas.concurrentRuns());
    return values;
  }

  private static double count(Map<String, TenantPhase> phases, TenantPhase phase) {
    return phases.values().stream().filter(p -> p == phase).count();
  }

  /** The gauges of one tenant and the values they read. */
  private final class TenantMeters {
    private final Tags tags;
    private final AtomicReference<Double> agents = new AtomicReference<>(0.0);
    private final Map<String, AtomicReference<Double>> quotas = new ConcurrentHashMap<>();
    private final AtomicReference<Double> budget = new AtomicReference<>(0.0);
    private final List<Meter> registered = new ArrayList<>();
    private Meter budgetGauge;

    TenantMeters(String tenant) {
      this.tags = Tags.of("tenant", tenant);
      registered.add(
          Gauge.builder("greenlang.tenant.agents", agents, AtomicReference::get)
              .description("Agents of the tenant")
              .tags(tags)
              .strongReference(true)
              .register(registry));
    }

    synchronized void update(Tenant tenant, int agentCount) {
      agents.set((double) agentCount);
      quotaValues(TenantQuotas.of(tenant.getSpec()))
          .forEach((resource, value) -> quota(resource).set(value.doubleValue()));
      TenantBudget spec = tenant.getSpec().getBudget();
      BigDecimal limit = spec == null ? null : spec.monthlyLimit();
      if (limit == null) {
        if (budgetGauge != null) {
          // The budget was removed from the spec: no limit is no series, not a limit of 0.
          registry.remove(budgetGauge);
          registered.remove(budgetGauge);
          budgetGauge = null;
        }
        return;
      }
      budget.set(limit.doubleValue());
      if (budgetGauge == null) {
        budgetGauge =
            Gauge.builder("greenlang.tenant.budget.monthly.limit", budget, AtomicReference::get)
                .baseUnit("usd")
                .description("The tenant's monthly LLM budget (spec.budget.monthlyLimitUsd)")
                .tags(tags)
                .strongReference(true)
                .register(registry);
        registered.add(budgetGauge);
      }
    }

    private AtomicReference<Double> quota(String resource) {
      return quotas.computeIfAbsent(
          resource,
          key -> {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            registered.add(
                Gauge.builder("greenlang.tenant.quota", value, AtomicReference::get)
                    .description("Quota in force for the tenant, by resource")
                    .tags(tags.and("resource", key))
                    .strongReference(true)
                    .register(registry));
            return value;
          });
    }
  }
}
