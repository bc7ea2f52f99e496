package io.greenlang.crds.region;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.greenlang.crds.common.SecretReference;

/**
 * Where a data service's connection details live. The Secret holds {@code host}, {@code port} and,
 * as the service needs, {@code database}, {@code username}, {@code password}; nothing of it is
 * copied to status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DataServiceConnection {
  @Required
  @JsonPropertyDescription(
      "Secret with keys host, port, and optionally database, username, password, sslmode.")
  private SecretReference secretRef;

  public DataServiceConnection() {}

  public DataServiceConnection(SecretReference secretRef) {
    this.secretRef = secretRef;
  }

  public SecretReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(SecretReference secretRef) {
    this.secretRef = secretRef;
  }
}
