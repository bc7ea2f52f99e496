package io.greenlang.runtime.calculation.ghg;

import io.greenlang.runtime.calculation.BatchTotals;
import io.greenlang.runtime.calculation.OutputWriter;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** Batch totals of {@link StationaryCombustion}: energy, emissions per gas, biogenic CO2, CO2e. */
final class StationaryCombustionTotals implements BatchTotals<StationaryCombustion.Output> {

  private BigDecimal energyTj = BigDecimal.ZERO;
  private final Map<Gas, BigDecimal> emissions = new EnumMap<>(Gas.class);
  private final Map<Gas, BigDecimal> co2e = new EnumMap<>(Gas.class);
  private BigDecimal biogenic = BigDecimal.ZERO;
  private BigDecimal total = BigDecimal.ZERO;

  StationaryCombustionTotals() {
    for (Gas gas : Gas.values()) {
      emissions.put(gas, BigDecimal.ZERO);
      co2e.put(gas, BigDecimal.ZERO);
    }
  }

  @Override
  public void add(StationaryCombustion.Output output) {
    energyTj = energyTj.add(output.energyTj());
    for (Gas gas : Gas.values()) {
      emissions.merge(gas, output.emissionsTonnes().get(gas), BigDecimal::add);
      co2e.merge(gas, output.co2eTonnes().get(gas), BigDecimal::add);
    }
    biogenic = biogenic.add(output.biogenicCo2Tonnes());
    total = total.add(output.totalCo2eTonnes());
  }

  @Override
  public void write(OutputWriter out) {
    new StationaryCombustion()
        .writeOutputs(
            new StationaryCombustion.Output(energyTj, emissions, co2e, biogenic, total), out);
  }
}
