package io.greenlang.runtime.llm.chain;

import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.agent.LlmChain;
import io.greenlang.crds.agent.LlmProviderRef;
import io.greenlang.crds.common.DataClass;
import io.greenlang.crds.region.LlmEndpoint;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.crds.region.RegionSpec;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.runtime.llm.cost.PriceTable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The agent's provider chain resolved and checked against its Region and the price table: every
 * link names an endpoint of the Region, a priced model and, for providers that need one, an API
 * key. Residency is not checked here but on every call, so that a Region's rules changing under a
 * running agent are honoured.
 *
 * @param tenant the tenant the agent belongs to
 * @param agent the agent's name
 * @param dataClass the most sensitive class of data the agent handles
 * @param region the tenant's Region (residency rules, endpoint locations)
 * @param links the links in the order they are tried
 */
public record AgentLlmChain(
    String tenant, String agent, DataClass dataClass, RegionSpec region, List<ChainLink> links) {

  public AgentLlmChain {
    links = List.copyOf(links);
  }

  /**
   * Resolves the chain of {@code configuration}.
   *
   * @param today the day whose price-table version must price every link
   * @throws IllegalArgumentException naming every invalid field
   */
  public static AgentLlmChain resolve(
      AgentRuntimeConfiguration configuration, PriceTable prices, LocalDate today) {
    List<String> problems = new ArrayList<>();
    require(configuration.getTenant() != null, "tenant is required", problems);
    require(configuration.getAgent() != null, "agent is required", problems);
    RegionSpec region = configuration.getRegion();
    require(region != null, "region is required", problems);
    AgentSpec spec = configuration.getSpec();
    LlmChain chain = spec == null ? null : spec.getLlm();
    boolean hasLinks = chain != null && chain.getProviders() != null;
    require(
        hasLinks && !chain.getProviders().isEmpty(),
        "spec.llm.providers must list at least one provider",
        problems);
    List<ChainLink> links = new ArrayList<>();
    if (hasLinks && region != null) {
      int maxRetries = Objects.requireNonNullElse(chain.getMaxRetries(), 2);
      require(
          maxRetries >= 0, "spec.llm.maxRetries must not be negative, not " + maxRetries, problems);
      for (int i = 0; i < chain.getProviders().size(); i++) {
        ChainLink link =
            link(chain.getProviders().get(i), i, region, Math.max(0, maxRetries), problems);
        if (link != null) {
          links.add(link);
          if (prices.price(link.provider(), link.model(), today).isEmpty()) {
            problems.add(
                link.field()
                    + ".model: the price table has no price for "
                    + link.providerLabel()
                    + " model "
                    + link.model()
                    + prices
                        .versionOn(today)
                        .map(v -> " in version " + v.version())
                        .orElse(" (no version is in effect on " + today + ")")
                    + "; add one (docs/runtime/llm-gateway.md, \"Price table\")");
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "The agent configuration cannot drive the LLM gateway: " + String.join("; ", problems));
    }
    DataClass dataClass = Objects.requireNonNullElse(spec.getDataClass(), DataClass.BUSINESS);
    return new AgentLlmChain(
        configuration.getTenant(), configuration.getAgent(), dataClass, region, links);
  }

  private static ChainLink link(
      LlmProviderRef ref, int index, RegionSpec region, int maxRetries, List<String> problems) {
    String field = "spec.llm.providers[" + index + "]";
    if (ref.getName() == null || ref.getEndpoint() == null || ref.getModel() == null) {
      problems.add(field + " needs name, endpoint and model");
      return null;
    }
    LlmEndpoint endpoint =
        region.getLlmEndpoints().stream()
            .filter(e -> ref.getEndpoint().equals(e.getName()))
            .findFirst()
            .orElse(null);
    if (endpoint == null) {
      problems.add(
          field
              + ".endpoint: the Region has no llmEndpoints entry named "
              + ref.getEndpoint()
              + " (it has "
              + region.getLlmEndpoints().stream().map(LlmEndpoint::getName).toList()
              + ")");
      return null;
    }
    if (endpoint.getProvider() == null || endpoint.getUrl() == null) {
      problems.add(
          "region.llmEndpoints " + endpoint.getName() + " needs provider and url (" + field + ")");
      return null;
    }
    boolean keyless = endpoint.getProvider() == LlmProvider.OPENAI_COMPATIBLE;
    if (!keyless && ref.getApiKeySecretRef() == null) {
      problems.add(
          field
              + ".apiKeySecretRef is required: endpoint "
              + endpoint.getName()
              + " ("
              + ChainLink.providerLabel(endpoint.getProvider())
              + ") needs an API key");
      return null;
    }
    String location = Objects.requireNonNullElse(endpoint.getLocation(), "");
    return new ChainLink(
        field,
        ref.getName(),
        endpoint.getName(),
        endpoint.getProvider(),
        endpoint.getUrl(),
        EndpointUrls.baseUrl(endpoint.getProvider(), endpoint.getUrl(), ref.getModel()),
        location,
        ref.getModel(),
        ref.getApiKeySecretRef(),
        Objects.requireNonNullElse(ref.getMaxTokens(), 1024),
        Duration.ofSeconds(Objects.requireNonNullElse(ref.getTimeoutSeconds(), 60)),
        maxRetries);
  }

  private static void require(boolean condition, String problem, List<String> problems) {
    if (!condition) {
      problems.add(problem);
    }
  }
}
