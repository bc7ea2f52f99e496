package io.greenlang.operator.agent.workload;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.agent.LlmChain;
import io.greenlang.crds.agent.LlmProviderRef;
import io.greenlang.crds.common.SecretKeySelector;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCode;
import io.greenlang.crds.region.RegionSpec;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.SlaTier;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantSpec;
import io.greenlang.crds.tenant.TenantTier;
import io.greenlang.operator.tenant.desired.EgressTarget;
import java.util.List;
import java.util.function.Consumer;

/** Agents, Tenants and Regions for the desired-state builder tests; no API server involved. */
final class WorkloadFixtures {
  static final RuntimeDefaults DEFAULTS =
      new RuntimeDefaults(
          "ghcr.io/greenlang/greenlang-agent-runtime:0.1.0",
          "IfNotPresent",
          new ResourceRequirementsBuilder()
              .addToRequests("cpu", new Quantity("250m"))
              .addToRequests("memory", new Quantity("512Mi"))
              .addToLimits("cpu", new Quantity("1"))
              .addToLimits("memory", new Quantity("1Gi"))
              .build(),
          "greenlang-agent-premium");

  private WorkloadFixtures() {}

  static Tenant tenant(String name, IsolationLevel isolation, SlaTier sla) {
    TenantSpec spec = new TenantSpec();
    spec.setIsolation(isolation);
    spec.setRegion("eu");
    spec.setTier(TenantTier.PROFESSIONAL);
    spec.setSla(sla);
    Tenant tenant = new Tenant();
    tenant.getMetadata().setName(name);
    tenant.setSpec(spec);
    return tenant;
  }

  static Region region() {
    RegionSpec spec = new RegionSpec();
    spec.setCode(RegionCode.EU);
    spec.setPrimaryLocation("eu-central-1");
    Region region = new Region();
    region.getMetadata().setName("eu");
    region.setSpec(spec);
    return region;
  }

  /** An Agent with one LLM link whose key is in Secret {@code llm-key}. */
  static Agent agent(String namespace, String name, Consumer<AgentSpec> customize) {
    LlmProviderRef link = new LlmProviderRef();
    link.setName("primary");
    link.setEndpoint("anthropic-eu");
    link.setModel("claude-sonnet-4-5");
    link.setApiKeySecretRef(new SecretKeySelector("llm-key", "api-key"));
    LlmChain chain = new LlmChain();
    chain.setProviders(List.of(link));
    AgentSpec spec = new AgentSpec();
    spec.setLlm(chain);
    customize.accept(spec);
    Agent agent = new Agent();
    agent.getMetadata().setName(name);
    agent.getMetadata().setNamespace(namespace);
    agent.getMetadata().setUid("uid-" + name);
    agent.getMetadata().setGeneration(1L);
    agent.setSpec(spec);
    return agent;
  }

  static AgentWorkload workload(Agent agent, Tenant tenant) {
    boolean logical = tenant.getSpec().getIsolation() == IsolationLevel.LOGICAL;
    return new AgentWorkload(
        agent,
        tenant,
        region(),
        logical ? agent.getMetadata().getName() + "-credentials" : "greenlang-credentials",
        logical,
        "greenlang-system",
        List.of(
            new EgressTarget("postgres", 5432, List.of("10.20.0.0/16")),
            new EgressTarget("redis", 6379, List.of())),
        List.of(new EgressTarget("anthropic-eu", 443, List.of())),
        DEFAULTS);
  }
}
