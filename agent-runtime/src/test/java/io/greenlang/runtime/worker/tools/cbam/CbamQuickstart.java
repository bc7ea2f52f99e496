package io.greenlang.runtime.worker.tools.cbam;

import io.greenlang.crds.agent.Agent;
import io.greenlang.runtime.worker.tools.SamplePipeline;
import java.math.BigDecimal;
import java.util.List;

/**
 * The quickstart's CBAM quarterly run (samples/quickstart) and its figures worked out by hand from
 * the sample data (docs/runtime/worker.md, "The CBAM quickstart by hand"). The default values,
 * benchmarks and certificate price are the sample's illustrative tenant rows; the CBAM factor of
 * 2026 (97.5 %) is the built-in, cited one.
 *
 * <pre>
 * line   mass t   SEE direct  SEE indirect  direct t   indirect t  benchmark  basis t
 * S-001  1200.000 1.850       0.210         2220.000   252.000     1.300      1560.000
 * S-002   850.500 2.430       0.390         2066.715   331.695     1.300      1105.650
 * S-003   300.000 1.700 (def) 10.500 (def)   510.000  3150.000     1.500       450.000
 * total  2350.500                           4796.715  3733.695                3115.650
 * E (direct only, Annex II goods)  = 4796.715 t
 * A = 3115.650 t × 97.5 %          = 3037.75875 t
 * D = 0 EUR ÷ 75 EUR/t             = 0 t
 * certificates = E − A − D         = 1758.95625 (presented 1758.956)
 * cost = 1758.95625 × 75 EUR       = 131921.71875 EUR (presented 131921.72)
 * </pre>
 */
public final class CbamQuickstart {

  public static final List<String> LINE_IDS = List.of("S-001", "S-002", "S-003");
  public static final List<String> DIRECT = List.of("2220.000", "2066.715", "510.000");
  public static final List<String> INDIRECT = List.of("252.000", "331.695", "3150.000");
  public static final List<String> BASIS = List.of("1560.000", "1105.650", "450.000");

  public static final BigDecimal NET_MASS = new BigDecimal("2350.500");
  public static final BigDecimal EMBEDDED_DIRECT = new BigDecimal("4796.715");
  public static final BigDecimal EMBEDDED_INDIRECT = new BigDecimal("3733.695");
  public static final BigDecimal EMBEDDED_TOTAL = new BigDecimal("8530.410");
  public static final BigDecimal COUNTED = new BigDecimal("4796.715");
  public static final BigDecimal BASIS_TOTAL = new BigDecimal("3115.650");
  public static final BigDecimal CBAM_FACTOR_PERCENT = new BigDecimal("97.5");
  public static final BigDecimal ADJUSTMENT = new BigDecimal("3037.75875");
  public static final BigDecimal CERTIFICATES = new BigDecimal("1758.95625");
  public static final BigDecimal PRICE = new BigDecimal("75");
  public static final BigDecimal COST = new BigDecimal("131921.71875");
  public static final String CERTIFICATES_PRESENTED = "1758.956";
  public static final String COST_PRESENTED = "131921.72";

  private CbamQuickstart() {}

  /** The quickstart's Pipeline, PipelineRun and input ConfigMaps. */
  public static SamplePipeline pipeline() {
    return SamplePipeline.load(
        "quickstart/04-pipeline-cbam-quarterly.yaml",
        "quickstart/06-pipelinerun-cbam-2026-q1.yaml",
        "quickstart/05-shipments-configmap.yaml",
        "quickstart/05-cbam-factors-configmap.yaml");
  }

  /** The quickstart's Agent. */
  public static Agent agent() {
    return SamplePipeline.agent("quickstart/03-agent-cbam-calculator.yaml");
  }
}
