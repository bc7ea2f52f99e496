package io.greenlang.runtime.calculation.ghg;

/** The greenhouse gases of stationary combustion (IPCC 2006 Vol. 2 Ch. 2). */
public enum Gas {
  CO2,
  CH4,
  N2O
}
