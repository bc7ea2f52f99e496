package io.greenlang.crds.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** Providers tried in order: a retryable failure fails over to the next one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LlmChain {
  @Required
  @Size(min = 1, max = 10)
  @ValidationRule(
      value = "self.all(p, self.exists_one(o, o.name == p.name))",
      message = "spec.llm.providers names must be unique")
  @JsonPropertyDescription("Ordered providers; the first healthy one answers.")
  private List<LlmProviderRef> providers = new ArrayList<>();

  @Min(0)
  @Max(10)
  @Default("2")
  @JsonPropertyDescription("Retries per provider on retryable errors before failing over.")
  private Integer maxRetries = 2;

  public List<LlmProviderRef> getProviders() {
    return providers;
  }

  public void setProviders(List<LlmProviderRef> providers) {
    this.providers = providers;
  }

  public Integer getMaxRetries() {
    return maxRetries;
  }

  public void setMaxRetries(Integer maxRetries) {
    this.maxRetries = maxRetries;
  }
}
