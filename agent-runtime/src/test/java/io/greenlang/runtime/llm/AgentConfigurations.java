package io.greenlang.runtime.llm;

import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.agent.LlmChain;
import io.greenlang.crds.agent.LlmProviderRef;
import io.greenlang.crds.common.DataClass;
import io.greenlang.crds.common.SecretKeySelector;
import io.greenlang.crds.region.LlmEndpoint;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.crds.region.RegionCode;
import io.greenlang.crds.region.RegionSpec;
import io.greenlang.crds.region.ResidencyRules;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.crds.tenant.TenantBudget;
import java.util.ArrayList;
import java.util.List;

/** Agent configurations as the operator renders them, for gateways built in tests. */
final class AgentConfigurations {

  /** The Secret and key every test link's API key is read from (a file per link name). */
  static final String KEY_SECRET = "llm-keys";

  private final List<LlmEndpoint> endpoints = new ArrayList<>();
  private final List<LlmProviderRef> links = new ArrayList<>();
  private DataClass dataClass = DataClass.BUSINESS;
  private int maxRetries = 2;
  private TenantBudget budget;
  private String agentBudget;
  private Long tokensPerDay;

  /** An endpoint of the EU Region (GDPR rules: us-*, cn-*, ap-* blocked). */
  AgentConfigurations endpoint(String name, LlmProvider provider, String url, String location) {
    LlmEndpoint endpoint = new LlmEndpoint();
    endpoint.setName(name);
    endpoint.setProvider(provider);
    endpoint.setUrl(url);
    endpoint.setLocation(location);
    endpoints.add(endpoint);
    return this;
  }

  /** A link using key {@code <link name>} of Secret {@value #KEY_SECRET}. */
  AgentConfigurations link(String name, String endpoint, String model) {
    return link(name, endpoint, model, 1024, 30, true);
  }

  AgentConfigurations link(
      String name, String endpoint, String model, int maxTokens, int timeoutSeconds, boolean key) {
    LlmProviderRef ref = new LlmProviderRef();
    ref.setName(name);
    ref.setEndpoint(endpoint);
    ref.setModel(model);
    ref.setMaxTokens(maxTokens);
    ref.setTimeoutSeconds(timeoutSeconds);
    if (key) {
      ref.setApiKeySecretRef(new SecretKeySelector(KEY_SECRET, name));
    }
    links.add(ref);
    return this;
  }

  AgentConfigurations dataClass(DataClass dataClass) {
    this.dataClass = dataClass;
    return this;
  }

  AgentConfigurations maxRetries(int maxRetries) {
    this.maxRetries = maxRetries;
    return this;
  }

  AgentConfigurations tenantBudget(String monthlyUsd, boolean allowOverage, int maxOveragePercent) {
    budget = new TenantBudget();
    budget.setMonthlyLimitUsd(monthlyUsd);
    budget.setAllowOverage(allowOverage);
    budget.setMaxOveragePercent(maxOveragePercent);
    budget.setOverageApproved(maxOveragePercent > 20);
    return this;
  }

  AgentConfigurations agentBudget(String monthlyUsd) {
    this.agentBudget = monthlyUsd;
    return this;
  }

  AgentConfigurations tokensPerDay(long tokens) {
    this.tokensPerDay = tokens;
    return this;
  }

  AgentRuntimeConfiguration build(String tenant, String agent) {
    RegionSpec region = new RegionSpec();
    region.setCode(RegionCode.EU);
    region.setPrimaryLocation("eu-central-1");
    region.setSecondaryLocations(List.of("eu-west-1", "eu-north-1"));
    ResidencyRules residency = new ResidencyRules();
    residency.setBlockedTargets(List.of("us-*", "cn-*", "ap-*"));
    residency.setAllowedDataClasses(List.of(DataClass.PUBLIC, DataClass.BUSINESS));
    region.setResidency(residency);
    region.setLlmEndpoints(List.copyOf(endpoints));

    LlmChain chain = new LlmChain();
    chain.setProviders(List.copyOf(links));
    chain.setMaxRetries(maxRetries);
    AgentSpec spec = new AgentSpec();
    spec.setLlm(chain);
    spec.setDataClass(dataClass);
    spec.setMonthlyBudgetUsd(agentBudget);

    AgentRuntimeConfiguration configuration = new AgentRuntimeConfiguration();
    configuration.setTenant(tenant);
    configuration.setAgent(agent);
    configuration.setNamespace("gl-" + tenant);
    configuration.setRegionName("eu");
    configuration.setRegion(region);
    configuration.setTenantBudget(budget);
    configuration.setLlmTokensPerDay(tokensPerDay);
    configuration.setSpec(spec);
    return configuration;
  }
}
