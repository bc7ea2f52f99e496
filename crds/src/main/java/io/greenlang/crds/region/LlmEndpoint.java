package io.greenlang.crds.region;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.greenlang.crds.common.Names;
import java.util.ArrayList;
import java.util.List;

/** An LLM endpoint agents may call; its location decides which data classes may reach it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LlmEndpoint {
  @Required
  @Size(min = 1, max = Names.DNS_LABEL_MAX)
  @Pattern(Names.DNS_LABEL)
  @JsonPropertyDescription("Name agents use in spec.llm.providers[].endpoint.")
  private String name;

  @Required
  @JsonPropertyDescription("Wire protocol: anthropic, openai, azure-openai or openai-compatible.")
  private LlmProvider provider;

  @Required
  @Size(max = 2048)
  @Pattern("^https?://[^\\s]+$")
  @JsonPropertyDescription("Base URL of the endpoint.")
  private String url;

  @Required
  @Pattern(Names.LOCATION)
  @JsonPropertyDescription("Cloud location the endpoint processes data in, or local.")
  private String location;

  @Size(max = 16)
  @JsonPropertyDescription(
      "CIDRs the endpoint is reached at; tenant NetworkPolicies allow egress only there (without them, only the port is restricted).")
  private List<@Pattern(Names.CIDR) String> cidrs = new ArrayList<>();

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public LlmProvider getProvider() {
    return provider;
  }

  public void setProvider(LlmProvider provider) {
    this.provider = provider;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public List<String> getCidrs() {
    return cidrs;
  }

  public void setCidrs(List<String> cidrs) {
    this.cidrs = cidrs;
  }
}
