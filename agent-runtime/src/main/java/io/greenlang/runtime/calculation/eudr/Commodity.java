package io.greenlang.runtime.calculation.eudr;

/** The seven relevant commodities of Regulation (EU) 2023/1115 (EUDR), Article 1. */
public enum Commodity {
  CATTLE,
  COCOA,
  COFFEE,
  OIL_PALM,
  RUBBER,
  SOYA,
  WOOD
}
