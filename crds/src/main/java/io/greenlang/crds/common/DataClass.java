package io.greenlang.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How sensitive the data an agent handles is; decides where it may be sent (DOMAIN.md, "Regions and
 * residency").
 */
public enum DataClass {
  /** Unrestricted. */
  @JsonProperty("public")
  PUBLIC,
  /** May replicate outside the region with the tenant's consent. */
  @JsonProperty("business")
  BUSINESS,
  /** Personal data: stays in the region. */
  @JsonProperty("personal")
  PERSONAL,
  /** Special-category data: stays in the region. */
  @JsonProperty("sensitive")
  SENSITIVE;

  /** Whether data of this class must never leave its region. */
  public boolean mustStayInRegion() {
    return this == PERSONAL || this == SENSITIVE;
  }
}
