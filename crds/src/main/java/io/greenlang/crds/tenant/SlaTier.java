package io.greenlang.crds.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Availability commitment; decides replicas, disruption budgets and spread (DOMAIN.md, "SLA
 * tiers").
 */
public enum SlaTier {
  /** 99.9%. */
  @JsonProperty("standard")
  STANDARD,
  /** 99.95%. */
  @JsonProperty("enhanced")
  ENHANCED,
  /** 99.99%. */
  @JsonProperty("premium")
  PREMIUM,
  /** 99.995%, needs isolation cluster or physical. */
  @JsonProperty("mission_critical")
  MISSION_CRITICAL
}
