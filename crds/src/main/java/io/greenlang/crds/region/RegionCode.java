package io.greenlang.crds.region;

/** Data-residency zones (DOMAIN.md, "Regions and residency"). */
public enum RegionCode {
  EU,
  US,
  CN,
  APAC,
  MENA,
  LATAM
}
