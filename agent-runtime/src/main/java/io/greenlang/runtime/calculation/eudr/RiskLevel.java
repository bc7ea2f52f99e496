package io.greenlang.runtime.calculation.eudr;

import java.math.BigDecimal;

/**
 * The level of a composite EUDR risk score (0-100): negligible below 20, low below 35, medium below
 * 50, high below 75, critical from 75.
 */
public enum RiskLevel {
  NEGLIGIBLE("20"),
  LOW("35"),
  MEDIUM("50"),
  HIGH("75"),
  CRITICAL(null);

  private final BigDecimal below;

  RiskLevel(String below) {
    this.below = below == null ? null : new BigDecimal(below);
  }

  /** The level of {@code score}. */
  public static RiskLevel of(BigDecimal score) {
    for (RiskLevel level : values()) {
      if (level.below == null || score.compareTo(level.below) < 0) {
        return level;
      }
    }
    throw new IllegalStateException("CRITICAL has no upper bound");
  }

  /** Lower-case name for JSON. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
