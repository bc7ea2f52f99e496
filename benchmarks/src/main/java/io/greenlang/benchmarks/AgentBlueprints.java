package io.greenlang.benchmarks;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.agent.AgentTool;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The Agents of phase {@value TenantBenchmark#AGENTS}, as pure data: for each logical Tenant,
 * Agents {@code <tenant>-agent-01...} in the shared namespace naming it in {@code spec.tenant},
 * each the scope 1 calculator of samples/agents/agent-shared-namespace.yaml (one real tool, no LLM,
 * one replica).
 */
final class AgentBlueprints {
  static final String TOOL = "ghg.scope1.stationary_combustion";

  private AgentBlueprints() {}

  /**
   * {@code perTenant} Agents for every Tenant, interleaved (the first Agent of every Tenant, then
   * the second, ...), so creation reaches every Tenant early and quotas are counted throughout.
   */
  static List<Agent> forTenants(List<Tenant> tenants, int perTenant) {
    List<Agent> agents = new ArrayList<>(tenants.size() * perTenant);
    for (int n = 1; n <= perTenant; n++) {
      for (Tenant tenant : tenants) {
        agents.add(agent(tenant.getMetadata().getName(), n));
      }
    }
    return agents;
  }

  private static Agent agent(String tenant, int number) {
    AgentTool tool = new AgentTool(TOOL);
    tool.getConfig().put("gwpSet", "AR6");
    AgentSpec spec = new AgentSpec();
    spec.setTenant(tenant);
    spec.setDescription("Scope 1 stationary combustion from gas and diesel invoices.");
    spec.setTools(new ArrayList<>(List.of(tool)));
    spec.setReplicas(1);
    Agent agent = new Agent();
    agent.getMetadata().setName(tenant + "-agent-%02d".formatted(number));
    agent.getMetadata().setNamespace(TenantNames.SHARED_NAMESPACE);
    agent.setSpec(spec);
    return agent;
  }
}
