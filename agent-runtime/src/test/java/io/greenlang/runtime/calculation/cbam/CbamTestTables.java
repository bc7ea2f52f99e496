package io.greenlang.runtime.calculation.cbam;

import io.greenlang.runtime.calculation.TestTables;
import io.greenlang.runtime.catalog.FactorCatalog;

/** CBAM tenant tables for tests. */
public final class CbamTestTables {

  private CbamTestTables() {}

  /** Test default values, a benchmark and a certificate price (fixtures, not published values). */
  public static FactorCatalog catalog() {
    return TestTables.catalog(
        TestTables.table(
            "cbam-defaults-test",
            1,
            "cn-ex,cbam_default_see_direct,72081000/CN,2.5,t/t",
            "cn-ex-i,cbam_default_see_indirect,72081000/CN,0.4,t/t",
            "any,cbam_default_see_direct,72081000,2.2,t/t",
            "any-i,cbam_default_see_indirect,72081000,0.35,t/t"),
        TestTables.table("cbam-benchmarks-test", 1, "hrc,cbam_benchmark,hot-rolled-coil,1.3,t/t"),
        TestTables.table("cbam-prices-test", 1, "2026,cbam_certificate_price,2026,80,EUR/t"));
  }
}
