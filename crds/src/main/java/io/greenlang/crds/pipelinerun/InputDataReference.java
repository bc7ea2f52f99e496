package io.greenlang.crds.pipelinerun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.greenlang.crds.common.SecretKeySelector;

/** A named piece of input data for a run, read from a ConfigMap or Secret key. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.configMapKeyRef) != has(self.secretKeyRef)",
    message = "an input names exactly one of configMapKeyRef or secretKeyRef")
public class InputDataReference {
  @Required
  @Size(min = 1, max = 63)
  @Pattern("^[a-zA-Z][a-zA-Z0-9_]*$")
  @JsonPropertyDescription("Name steps use as ${inputs.NAME}.")
  private String name;

  @JsonPropertyDescription("ConfigMap key holding the data, such as a shipments CSV.")
  private ConfigMapKeySelector configMapKeyRef;

  @JsonPropertyDescription("Secret key holding the data.")
  private SecretKeySelector secretKeyRef;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public ConfigMapKeySelector getConfigMapKeyRef() {
    return configMapKeyRef;
  }

  public void setConfigMapKeyRef(ConfigMapKeySelector configMapKeyRef) {
    this.configMapKeyRef = configMapKeyRef;
  }

  public SecretKeySelector getSecretKeyRef() {
    return secretKeyRef;
  }

  public void setSecretKeyRef(SecretKeySelector secretKeyRef) {
    this.secretKeyRef = secretKeyRef;
  }
}
