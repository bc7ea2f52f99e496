package io.greenlang.crds.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.greenlang.crds.common.Names;
import io.greenlang.crds.common.SecretKeySelector;

/** One link of the LLM chain: an endpoint of the Region, a model and the API key to use. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LlmProviderRef {
  @Required
  @Size(min = 1, max = Names.DNS_LABEL_MAX)
  @Pattern(Names.DNS_LABEL)
  @JsonPropertyDescription("Name of this link, unique in the chain.")
  private String name;

  @Required
  @Size(min = 1, max = Names.DNS_LABEL_MAX)
  @Pattern(Names.DNS_LABEL)
  @JsonPropertyDescription("Name of an entry of the Region's spec.llmEndpoints.")
  private String endpoint;

  @Required
  @Size(min = 1, max = 128)
  @Pattern("^[A-Za-z0-9][A-Za-z0-9._:/-]*$")
  @JsonPropertyDescription("Model id, such as claude-sonnet-4-5 or gpt-4o-mini.")
  private String model;

  @JsonPropertyDescription("Secret key holding the API key; never logged.")
  private SecretKeySelector apiKeySecretRef;

  @Min(1)
  @Max(200000)
  @Default("1024")
  @JsonPropertyDescription("Upper bound of output tokens per call.")
  private Integer maxTokens = 1024;

  @Min(1)
  @Max(600)
  @Default("60")
  @JsonPropertyDescription("Timeout of one call in seconds.")
  private Integer timeoutSeconds = 60;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public SecretKeySelector getApiKeySecretRef() {
    return apiKeySecretRef;
  }

  public void setApiKeySecretRef(SecretKeySelector apiKeySecretRef) {
    this.apiKeySecretRef = apiKeySecretRef;
  }

  public Integer getMaxTokens() {
    return maxTokens;
  }

  public void setMaxTokens(Integer maxTokens) {
    this.maxTokens = maxTokens;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }
}
