package io.greenlang.crds.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** How the tenant's reports and dashboards are labelled. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantBranding {
  @Size(min = 1, max = 128)
  @JsonPropertyDescription("Company name shown on reports.")
  private String displayName;

  @Size(max = 253)
  @Pattern("^([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)+[a-z]{2,63}$")
  @JsonPropertyDescription("The tenant's own domain.")
  private String domain;

  @Size(max = 2048)
  @Pattern("^https://[^\\s]+$")
  @JsonPropertyDescription("HTTPS URL of the logo.")
  private String logoUrl;

  @Pattern("^#[0-9a-fA-F]{6}$")
  @JsonPropertyDescription("Primary colour, #rrggbb.")
  private String primaryColor;

  @Pattern("^#[0-9a-fA-F]{6}$")
  @JsonPropertyDescription("Secondary colour, #rrggbb.")
  private String secondaryColor;

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }

  public String getLogoUrl() {
    return logoUrl;
  }

  public void setLogoUrl(String logoUrl) {
    this.logoUrl = logoUrl;
  }

  public String getPrimaryColor() {
    return primaryColor;
  }

  public void setPrimaryColor(String primaryColor) {
    this.primaryColor = primaryColor;
  }

  public String getSecondaryColor() {
    return secondaryColor;
  }

  public void setSecondaryColor(String secondaryColor) {
    this.secondaryColor = secondaryColor;
  }
}
