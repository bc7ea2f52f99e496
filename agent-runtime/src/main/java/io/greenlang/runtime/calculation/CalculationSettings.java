package io.greenlang.runtime.calculation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the calculation API ({@code greenlang.calculation.*}, docs/runtime/configuration.md).
 */
@ConfigMapping(prefix = "greenlang.calculation")
public interface CalculationSettings {

  /** Batch settings. */
  Batch batch();

  /** The most import lines one JSON request of {@code cbam.certificate_obligation.v1} may hold. */
  @WithDefault("10000")
  int maxJsonLines();

  /** The most results one page of {@code GET .../results} returns. */
  @WithDefault("1000")
  int maxPageSize();

  /** How batches run. */
  interface Batch {
    /** How many row errors a batch reports (all are counted). */
    @WithDefault("1000")
    int maxReportedErrors();

    /** Whether rows are calculated on several cores (results are chained in row order anyway). */
    @WithDefault("true")
    boolean parallel();
  }
}
