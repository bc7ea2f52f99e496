package io.greenlang.crds.region;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.greenlang.crds.common.Names;
import io.greenlang.crds.common.SecretReference;
import java.util.ArrayList;
import java.util.List;

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

  @Size(max = 16)
  @JsonPropertyDescription(
      "CIDRs the service is reached at; tenant NetworkPolicies allow egress only there (without them, only the port is restricted).")
  private List<@Pattern(Names.CIDR) String> cidrs = new ArrayList<>();

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

  public List<String> getCidrs() {
    return cidrs;
  }

  public void setCidrs(List<String> cidrs) {
    this.cidrs = cidrs;
  }
}
