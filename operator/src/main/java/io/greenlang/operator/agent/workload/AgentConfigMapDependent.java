package io.greenlang.operator.agent.workload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.greenlang.crds.region.RegionSpec;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.crds.tenant.TenantQuotas;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The Agent's ConfigMap {@code <agent>}: key {@value AgentRuntimeConfiguration#FILE_NAME}, the YAML
 * of {@link AgentRuntimeConfiguration} (docs/runtime/agent-configuration.md). No secrets: the
 * Region spec goes without its clusters and data-service connections.
 */
public final class AgentConfigMapDependent {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private AgentConfigMapDependent() {}

  public static ConfigMap desired(AgentWorkload workload) {
    return new ConfigMapBuilder()
        .withMetadata(workload.metadata(workload.name()))
        .withData(Map.of(AgentRuntimeConfiguration.FILE_NAME, yaml(configuration(workload))))
        .build();
  }

  /** The runtime's view of the agent, its tenant and Region. */
  public static AgentRuntimeConfiguration configuration(AgentWorkload workload) {
    var tenant = workload.tenant().getSpec();
    TenantQuotas quotas = TenantQuotas.of(tenant);
    AgentRuntimeConfiguration configuration = new AgentRuntimeConfiguration();
    configuration.setTenant(workload.tenantName());
    configuration.setAgent(workload.name());
    configuration.setNamespace(workload.namespace());
    configuration.setIsolation(tenant.getIsolation());
    configuration.setTier(tenant.getTier());
    configuration.setRegionName(workload.region().getMetadata().getName());
    configuration.setRegion(withoutConnections(workload.region().getSpec()));
    configuration.setTenantBudget(tenant.getBudget());
    configuration.setLlmTokensPerDay(quotas.llmTokensPerDay());
    configuration.setConcurrentRuns(quotas.concurrentRuns());
    configuration.setSpec(workload.agent().getSpec());
    return configuration;
  }

  private static RegionSpec withoutConnections(RegionSpec spec) {
    RegionSpec copy = YAML.convertValue(spec, RegionSpec.class);
    copy.setClusters(null);
    copy.setPostgres(null);
    copy.setRedis(null);
    copy.setVectorStore(null);
    return copy;
  }

  static String yaml(AgentRuntimeConfiguration configuration) {
    try {
      return YAML.writeValueAsString(configuration);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
