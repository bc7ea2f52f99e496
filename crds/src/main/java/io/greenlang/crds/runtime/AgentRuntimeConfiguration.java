package io.greenlang.crds.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.region.RegionSpec;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.TenantBudget;
import io.greenlang.crds.tenant.TenantTier;

/**
 * What an agent-runtime process needs to know about the one agent it runs: the contract between the
 * operator, which renders it as key {@value #FILE_NAME} of the agent's ConfigMap, and the runtime,
 * which reads it from the mounted file (docs/runtime/agent-configuration.md). API keys are not in
 * it: each {@code apiKeySecretRef} of {@code spec.llm} is mounted as the file {@code
 * <secrets-dir>/<secret name>/<key>}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentRuntimeConfiguration {

  /** The ConfigMap key and the file name the configuration is mounted as. */
  public static final String FILE_NAME = "agent.yaml";

  /** Where the operator mounts Secrets an agent references, one directory per Secret. */
  public static final String DEFAULT_SECRETS_DIR = "/var/run/greenlang/secrets";

  private String tenant;
  private String agent;
  private String namespace;
  private IsolationLevel isolation;
  private TenantTier tier;
  private String regionName;
  private RegionSpec region;
  private TenantBudget tenantBudget;
  private Long llmTokensPerDay;
  private Integer concurrentRuns;
  private AgentSpec spec;

  /** The tenant's name (the Tenant resource's name). */
  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  /** The Agent resource's name. */
  public String getAgent() {
    return agent;
  }

  public void setAgent(String agent) {
    this.agent = agent;
  }

  /** The namespace the Agent lives in. */
  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public IsolationLevel getIsolation() {
    return isolation;
  }

  public void setIsolation(IsolationLevel isolation) {
    this.isolation = isolation;
  }

  public TenantTier getTier() {
    return tier;
  }

  public void setTier(TenantTier tier) {
    this.tier = tier;
  }

  /** The name of the tenant's Region resource. */
  public String getRegionName() {
    return regionName;
  }

  public void setRegionName(String regionName) {
    this.regionName = regionName;
  }

  /**
   * The tenant's Region spec: code, locations, residency rules and LLM endpoints, for {@link
   * io.greenlang.crds.region.ResidencyPolicy}; clusters and data-service connections left out.
   */
  public RegionSpec getRegion() {
    return region;
  }

  public void setRegion(RegionSpec region) {
    this.region = region;
  }

  /** The tenant's monthly budget, or null when it has none. */
  public TenantBudget getTenantBudget() {
    return tenantBudget;
  }

  public void setTenantBudget(TenantBudget tenantBudget) {
    this.tenantBudget = tenantBudget;
  }

  /** The tenant's effective LLM token quota per day (tier default or override). */
  public Long getLlmTokensPerDay() {
    return llmTokensPerDay;
  }

  public void setLlmTokensPerDay(Long llmTokensPerDay) {
    this.llmTokensPerDay = llmTokensPerDay;
  }

  /** The tenant's effective limit of concurrent PipelineRuns. */
  public Integer getConcurrentRuns() {
    return concurrentRuns;
  }

  public void setConcurrentRuns(Integer concurrentRuns) {
    this.concurrentRuns = concurrentRuns;
  }

  /** The Agent's spec as applied. */
  public AgentSpec getSpec() {
    return spec;
  }

  public void setSpec(AgentSpec spec) {
    this.spec = spec;
  }
}
