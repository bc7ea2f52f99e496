package io.greenlang.runtime.calculation.cbam;

import io.greenlang.runtime.calculation.BatchTotals;
import io.greenlang.runtime.calculation.OutputWriter;
import io.greenlang.runtime.units.RoundingRule;
import java.math.BigDecimal;

/**
 * Totals of import lines: net mass, embedded direct/indirect/total, counted emissions (E of the
 * obligation) and the free-allocation basis (A before the CBAM factor).
 */
public final class ImportLineTotals implements BatchTotals<ImportLineEmissions.Output> {

  private long lines;
  private BigDecimal netMass = BigDecimal.ZERO;
  private BigDecimal direct = BigDecimal.ZERO;
  private BigDecimal indirect = BigDecimal.ZERO;
  private BigDecimal counted = BigDecimal.ZERO;
  private BigDecimal basis = BigDecimal.ZERO;

  @Override
  public void add(ImportLineEmissions.Output output) {
    lines++;
    netMass = netMass.add(output.netMassTonnes());
    direct = direct.add(output.embeddedDirectTonnes());
    indirect = indirect.add(output.embeddedIndirectTonnes());
    counted = counted.add(output.countedTonnes());
    basis = basis.add(output.freeAllocationBasisTonnes());
  }

  public long lines() {
    return lines;
  }

  /** Σ counted emissions: E of the certificate obligation. */
  public BigDecimal countedTonnes() {
    return counted;
  }

  /** Σ benchmark × net mass: the free-allocation basis. */
  public BigDecimal freeAllocationBasisTonnes() {
    return basis;
  }

  @Override
  public void write(OutputWriter out) {
    out.put("lines", lines);
    out.put("netMassTonnes", netMass, RoundingRule.TONNES);
    out.put("embeddedDirectTonnes", direct, RoundingRule.TONNES);
    out.put("embeddedIndirectTonnes", indirect, RoundingRule.TONNES);
    out.put("embeddedTotalTonnes", direct.add(indirect), RoundingRule.TONNES);
    out.put("countedTonnes", counted, RoundingRule.TONNES);
    out.put("freeAllocationBasisTonnes", basis, RoundingRule.TONNES);
  }
}
