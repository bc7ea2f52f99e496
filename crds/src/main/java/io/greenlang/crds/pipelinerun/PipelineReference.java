package io.greenlang.crds.pipelinerun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.greenlang.crds.common.Names;

/** The Pipeline a run executes, in the run's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PipelineReference {
  @Required
  @Size(min = 1, max = Names.DNS_SUBDOMAIN_MAX)
  @Pattern(Names.DNS_SUBDOMAIN)
  @JsonPropertyDescription("Name of the Pipeline.")
  private String name;

  public PipelineReference() {}

  public PipelineReference(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
