package io.greenlang.crds.region;

/** Summary of a Region's state for printer columns. */
public enum RegionPhase {
  Pending,
  Ready,
  NotReady
}
