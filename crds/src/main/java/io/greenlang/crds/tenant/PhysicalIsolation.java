package io.greenlang.crds.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.greenlang.crds.common.Names;
import io.greenlang.crds.common.SecretKeySelector;

/**
 * Extra settings of isolation level physical: sandboxed runtime, air gap, tenant encryption key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PhysicalIsolation {
  @Size(min = 1, max = Names.DNS_SUBDOMAIN_MAX)
  @Pattern(Names.DNS_SUBDOMAIN)
  @JsonPropertyDescription("RuntimeClass for the tenant's pods, such as a gVisor or Kata sandbox.")
  private String runtimeClassName;

  @Default("false")
  @JsonPropertyDescription("Allow egress only to in-region endpoints.")
  private Boolean airGapped = false;

  @JsonPropertyDescription("Secret key holding the reference to the tenant's encryption key.")
  private SecretKeySelector encryptionKeyRef;

  public String getRuntimeClassName() {
    return runtimeClassName;
  }

  public void setRuntimeClassName(String runtimeClassName) {
    this.runtimeClassName = runtimeClassName;
  }

  public Boolean getAirGapped() {
    return airGapped;
  }

  public void setAirGapped(Boolean airGapped) {
    this.airGapped = airGapped;
  }

  public SecretKeySelector getEncryptionKeyRef() {
    return encryptionKeyRef;
  }

  public void setEncryptionKeyRef(SecretKeySelector encryptionKeyRef) {
    this.encryptionKeyRef = encryptionKeyRef;
  }
}
