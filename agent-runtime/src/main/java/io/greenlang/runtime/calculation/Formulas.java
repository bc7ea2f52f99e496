package io.greenlang.runtime.calculation;

import io.greenlang.runtime.calculation.cbam.CertificateObligation;
import io.greenlang.runtime.calculation.cbam.ImportLineEmissions;
import io.greenlang.runtime.calculation.cbam.SpecificEmbeddedEmissions;
import io.greenlang.runtime.calculation.eudr.EudrRiskScore;
import io.greenlang.runtime.calculation.ghg.LocationBasedElectricity;
import io.greenlang.runtime.calculation.ghg.MarketBasedElectricity;
import io.greenlang.runtime.calculation.ghg.StationaryCombustion;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every calculation formula of the runtime, by formula id (docs/runtime/calculations.md). */
public final class Formulas {

  private static final Map<String, CalculationTool<?, ?>> BY_ID = new LinkedHashMap<>();

  static {
    for (CalculationTool<?, ?> tool :
        List.<CalculationTool<?, ?>>of(
            new StationaryCombustion(),
            new LocationBasedElectricity(),
            new MarketBasedElectricity(),
            SpecificEmbeddedEmissions.simpleGoods(),
            SpecificEmbeddedEmissions.complexGoods(),
            new ImportLineEmissions(),
            new CertificateObligation(),
            new EudrRiskScore())) {
      BY_ID.put(tool.formula(), tool);
    }
  }

  private Formulas() {}

  /** The tool of {@code formula}, if there is one. */
  public static Optional<CalculationTool<?, ?>> find(String formula) {
    return Optional.ofNullable(BY_ID.get(formula));
  }

  /** All tools, in documentation order. */
  public static Collection<CalculationTool<?, ?>> all() {
    return BY_ID.values();
  }
}
