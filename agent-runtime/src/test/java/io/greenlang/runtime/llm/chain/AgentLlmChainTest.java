package io.greenlang.runtime.llm.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.agent.LlmChain;
import io.greenlang.crds.agent.LlmProviderRef;
import io.greenlang.crds.common.DataClass;
import io.greenlang.crds.common.SecretKeySelector;
import io.greenlang.crds.region.LlmEndpoint;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.crds.region.RegionCode;
import io.greenlang.crds.region.RegionSpec;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.runtime.llm.cost.PriceTableFile;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentLlmChainTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  private static LlmEndpoint endpoint(
      String name, LlmProvider provider, String url, String location) {
    LlmEndpoint endpoint = new LlmEndpoint();
    endpoint.setName(name);
    endpoint.setProvider(provider);
    endpoint.setUrl(url);
    endpoint.setLocation(location);
    return endpoint;
  }

  private static LlmProviderRef link(String name, String endpoint, String model, boolean key) {
    LlmProviderRef ref = new LlmProviderRef();
    ref.setName(name);
    ref.setEndpoint(endpoint);
    ref.setModel(model);
    if (key) {
      ref.setApiKeySecretRef(new SecretKeySelector("llm-keys", name));
    }
    return ref;
  }

  private static AgentRuntimeConfiguration configuration(LlmProviderRef... links) {
    RegionSpec region = new RegionSpec();
    region.setCode(RegionCode.EU);
    region.setPrimaryLocation("eu-central-1");
    region.setLlmEndpoints(
        List.of(
            endpoint(
                "anthropic-eu", LlmProvider.ANTHROPIC, "https://api.anthropic.com", "eu-central-1"),
            endpoint(
                "azure-eu",
                LlmProvider.AZURE_OPENAI,
                "https://acme.openai.azure.com/",
                "eu-west-1"),
            endpoint(
                "vllm", LlmProvider.OPENAI_COMPATIBLE, "http://vllm.models.svc:8000/v1", "local")));
    LlmChain chain = new LlmChain();
    chain.setProviders(List.of(links));
    AgentSpec spec = new AgentSpec();
    spec.setLlm(chain);
    spec.setDataClass(DataClass.PERSONAL);
    AgentRuntimeConfiguration configuration = new AgentRuntimeConfiguration();
    configuration.setTenant("acme");
    configuration.setAgent("cbam");
    configuration.setRegion(region);
    configuration.setSpec(spec);
    return configuration;
  }

  @Test
  void resolvesEachLinkAgainstTheRegion() {
    AgentLlmChain chain =
        AgentLlmChain.resolve(
            configuration(
                link("primary", "anthropic-eu", "claude-sonnet-4-5", true),
                link("azure", "azure-eu", "gpt-4o", true),
                link("local", "vllm", "llama-3.1-70b-instruct", false)),
            PriceTableFile.bundled(),
            TODAY);

    assertThat(chain.tenant()).isEqualTo("acme");
    assertThat(chain.dataClass()).isEqualTo(DataClass.PERSONAL);
    assertThat(chain.links())
        .extracting(ChainLink::baseUrl)
        .containsExactly(
            "https://api.anthropic.com/v1",
            "https://acme.openai.azure.com/openai/deployments/gpt-4o",
            "http://vllm.models.svc:8000/v1");
    ChainLink first = chain.links().get(0);
    assertThat(first.field()).isEqualTo("spec.llm.providers[0]");
    assertThat(first.location()).isEqualTo("eu-central-1");
    assertThat(first.maxTokens()).isEqualTo(1024);
    assertThat(first.timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(first.maxRetries()).isEqualTo(2);
    assertThat(chain.links().get(2).apiKey()).isNull();
  }

  @Test
  void namesEveryFieldThatCannotWork() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                AgentLlmChain.resolve(
                    configuration(
                        link("a", "openai-us", "gpt-4o", true),
                        link("b", "anthropic-eu", "claude-sonnet-4-5", false),
                        link("c", "anthropic-eu", "claude-unreleased", true)),
                    PriceTableFile.bundled(),
                    TODAY))
        .withMessageContaining(
            "spec.llm.providers[0].endpoint: the Region has no llmEndpoints entry named openai-us"
                + " (it has [anthropic-eu, azure-eu, vllm])")
        .withMessageContaining(
            "spec.llm.providers[1].apiKeySecretRef is required: endpoint anthropic-eu (anthropic)"
                + " needs an API key")
        .withMessageContaining(
            "spec.llm.providers[2].model: the price table has no price for anthropic model"
                + " claude-unreleased in version 2026-11-01");
  }

  @Test
  void needsAChain() {
    AgentRuntimeConfiguration configuration = configuration();
    configuration.setTenant(null);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> AgentLlmChain.resolve(configuration, PriceTableFile.bundled(), TODAY))
        .withMessageContaining("tenant is required")
        .withMessageContaining("spec.llm.providers must list at least one provider");
  }

  @Test
  void normalisesEndpointUrls() {
    assertThat(EndpointUrls.baseUrl(LlmProvider.ANTHROPIC, "https://api.anthropic.com/v1/", "m"))
        .isEqualTo("https://api.anthropic.com/v1");
    assertThat(EndpointUrls.baseUrl(LlmProvider.OPENAI, "https://api.openai.com", "m"))
        .isEqualTo("https://api.openai.com/v1");
    assertThat(EndpointUrls.baseUrl(LlmProvider.OPENAI_COMPATIBLE, "http://ollama:11434/v1", "m"))
        .isEqualTo("http://ollama:11434/v1");
    assertThat(
            EndpointUrls.baseUrl(
                LlmProvider.AZURE_OPENAI,
                "https://acme.openai.azure.com/openai/deployments/prod",
                "m"))
        .isEqualTo("https://acme.openai.azure.com/openai/deployments/prod");
  }
}
