package io.greenlang.runtime.llm.chain;

import io.greenlang.crds.common.SecretKeySelector;
import io.greenlang.crds.region.LlmProvider;
import java.time.Duration;

/**
 * One link of an agent's provider chain, resolved against the Region: which endpoint (its wire
 * protocol, base URL and location), which model, which API key, and the per-call limits.
 *
 * @param field where the link is in the Agent, such as {@code spec.llm.providers[1]}, for messages
 * @param name the link's name in the chain
 * @param endpoint the Region endpoint's name: circuit breakers and endpoint rate limits are keyed
 *     by it
 * @param provider the endpoint's wire protocol
 * @param endpointUrl the Region endpoint's URL as written there
 * @param baseUrl the URL the langchain4j chat client appends its paths to
 * @param location where the endpoint processes data, checked against the agent's data class
 * @param model the model id (Azure OpenAI: the deployment name)
 * @param apiKey the Secret key holding the API key, or null for a keyless endpoint
 * @param maxTokens the most output tokens one call may produce
 * @param timeout how long one call may take
 * @param maxRetries retries on this link before failing over
 */
public record ChainLink(
    String field,
    String name,
    String endpoint,
    LlmProvider provider,
    String endpointUrl,
    String baseUrl,
    String location,
    String model,
    SecretKeySelector apiKey,
    int maxTokens,
    Duration timeout,
    int maxRetries) {

  /** Such as {@code primary (anthropic-eu, anthropic claude-sonnet-4-5)}, for messages and logs. */
  public String describe() {
    return name + " (" + endpoint + ", " + providerLabel() + " " + model + ")";
  }

  /** The provider kind as the Region writes it, such as {@code openai-compatible}. */
  public String providerLabel() {
    return providerLabel(provider);
  }

  /** The Region's spelling of a provider kind. */
  public static String providerLabel(LlmProvider provider) {
    return switch (provider) {
      case ANTHROPIC -> "anthropic";
      case OPENAI -> "openai";
      case AZURE_OPENAI -> "azure-openai";
      case OPENAI_COMPATIBLE -> "openai-compatible";
    };
  }

  /** Whether the provider kind offers an embeddings API. */
  public boolean hasEmbeddings() {
    return provider != LlmProvider.ANTHROPIC;
  }
}
