package io.greenlang.crds.region;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.greenlang.crds.common.Names;
import io.greenlang.crds.common.SecretReference;

/**
 * A Kubernetes cluster in a Region: the one the operator runs in, or a member reached by
 * kubeconfig.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "(has(self.local) && self.local) != has(self.kubeconfigSecretRef)",
    message = "a cluster is either local: true or has a kubeconfigSecretRef, not both or neither")
public class RegionCluster {
  @Required
  @Size(min = 1, max = Names.DNS_LABEL_MAX)
  @Pattern(Names.DNS_LABEL)
  @JsonPropertyDescription(
      "Name of the cluster inside the Region; Tenants name it in spec.memberCluster.")
  private String name;

  @JsonPropertyDescription("True for the cluster the operator itself runs in.")
  private Boolean local;

  @JsonPropertyDescription("Secret with a kubeconfig (key `kubeconfig`) for a member cluster.")
  private SecretReference kubeconfigSecretRef;

  @JsonPropertyDescription("PostgreSQL server of this member cluster's dedicated tenant.")
  private DataServiceConnection postgres;

  @JsonPropertyDescription("Redis server of this member cluster's dedicated tenant.")
  private DataServiceConnection redis;

  @Size(min = 1, max = Names.TENANT_NAME_MAX)
  @Pattern(Names.TENANT_NAME)
  @JsonPropertyDescription(
      "Tenant this member cluster is dedicated to (isolation cluster/physical).")
  private String dedicatedTo;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Boolean getLocal() {
    return local;
  }

  public void setLocal(Boolean local) {
    this.local = local;
  }

  public SecretReference getKubeconfigSecretRef() {
    return kubeconfigSecretRef;
  }

  public void setKubeconfigSecretRef(SecretReference kubeconfigSecretRef) {
    this.kubeconfigSecretRef = kubeconfigSecretRef;
  }

  public String getDedicatedTo() {
    return dedicatedTo;
  }

  public void setDedicatedTo(String dedicatedTo) {
    this.dedicatedTo = dedicatedTo;
  }

  public DataServiceConnection getPostgres() {
    return postgres;
  }

  public void setPostgres(DataServiceConnection postgres) {
    this.postgres = postgres;
  }

  public DataServiceConnection getRedis() {
    return redis;
  }

  public void setRedis(DataServiceConnection redis) {
    this.redis = redis;
  }
}
