package io.greenlang.crds.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A parameter of a Pipeline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PipelineParam {
  @Required
  @Size(min = 1, max = 63)
  @Pattern("^[a-zA-Z][a-zA-Z0-9_]*$")
  @JsonPropertyDescription("Name, referenced as ${params.NAME}.")
  private String name;

  @Size(max = 1024)
  @JsonPropertyDescription("What the parameter means.")
  private String description;

  @Size(max = 4096)
  @JsonPropertyDescription(
      "Value used when a run does not supply one; without it the parameter is required.")
  private String defaultValue;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getDefaultValue() {
    return defaultValue;
  }

  public void setDefaultValue(String defaultValue) {
    this.defaultValue = defaultValue;
  }
}
