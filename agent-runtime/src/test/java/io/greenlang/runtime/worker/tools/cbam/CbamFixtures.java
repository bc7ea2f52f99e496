package io.greenlang.runtime.worker.tools.cbam;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Import lines and a tenant CBAM table for the tools' unit tests (test fixtures, not values). */
final class CbamFixtures {

  static final String TABLE = "acme-cbam-test";

  /** Default values for 76011000 from CN, benchmarks, a 2026-Q1 price of 80 EUR/t. */
  static final String FACTORS =
      """
      rowId,quantity,subject,value,unit,source,edition,sourceTable,licence,validFrom,validTo
      d-direct,cbam_default_see_direct,76011000/CN,2,t/t,test fixture,test,test,test fixture,,
      d-indirect,cbam_default_see_indirect,76011000/CN,5,t/t,test fixture,test,test,test fixture,,
      b-steel,cbam_benchmark,steel,1.2,t/t,test fixture,test,test,test fixture,,
      p-2026-q1,cbam_certificate_price,2026-Q1,80,EUR/t,test fixture,test,test,test fixture,,
      """;

  private CbamFixtures() {}

  static Map<String, Object> actual(String id, String mass, String direct, String indirect) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("lineId", id);
    line.put("cnCode", "72081000");
    line.put("countryOfOrigin", "TR");
    line.put("netMassTonnes", new BigDecimal(mass));
    line.put("method", "actual");
    line.put("seeDirect", direct);
    line.put("seeIndirect", indirect);
    line.put("benchmark", "steel");
    return line;
  }

  static Map<String, Object> byDefault(String id, String mass) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("lineId", id);
    line.put("cnCode", "76011000");
    line.put("countryOfOrigin", "CN");
    line.put("netMassTonnes", mass);
    line.put("method", "default");
    return line;
  }

  /** 100 t at 2 / 0.5 (benchmark 1.2) and 10 t of aluminium by default (2 / 5). */
  static List<Map<String, Object>> lines() {
    return List.of(actual("L1", "100", "2", "0.5"), byDefault("L2", "10"));
  }
}
