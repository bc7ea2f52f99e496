package io.greenlang.benchmarks.calculation;

import io.greenlang.runtime.catalog.CsvRecords;
import io.greenlang.runtime.catalog.FactorRowParser;
import io.greenlang.runtime.catalog.FactorTable;
import io.greenlang.runtime.catalog.LabelledRow;
import io.greenlang.runtime.catalog.TableOrigin;
import java.io.StringReader;
import java.util.List;

/**
 * The tenant table the benchmark's import lines use: default values per CN code and country (and
 * per CN code alone), a benchmark per CN code, a certificate price. Made-up fixture values with the
 * same shape as the Commission's tables, labelled as such; not published factors.
 */
final class BenchmarkTables {

  static final String TABLE = "benchmark-cbam";
  static final String TITLE = "Benchmark fixture: CBAM default values, benchmarks and price";

  private BenchmarkTables() {}

  /** The table as the CSV a tenant would publish. */
  static String csv() {
    StringBuilder csv = new StringBuilder(String.join(",", FactorRowParser.FIELDS)).append('\n');
    String citation = ",Benchmark fixture (not a published value),2026,n/a,none,,\n";
    for (int c = 0; c < ImportLineFile.CN_CODES.length; c++) {
      String cn = ImportLineFile.CN_CODES[c];
      String direct = (1 + c) + ".25";
      String indirect = "0." + (10 + c);
      csv.append(cn)
          .append("-d,cbam_default_see_direct,")
          .append(cn)
          .append(',')
          .append(direct)
          .append(",t/t")
          .append(citation);
      csv.append(cn)
          .append("-i,cbam_default_see_indirect,")
          .append(cn)
          .append(',')
          .append(indirect)
          .append(",t/t")
          .append(citation);
      // Country-specific rows for half the countries; the others fall back to the CN code row.
      for (int k = 0; k < ImportLineFile.COUNTRIES.length; k += 2) {
        String country = ImportLineFile.COUNTRIES[k];
        csv.append(cn)
            .append('-')
            .append(country)
            .append("-d,cbam_default_see_direct,")
            .append(cn)
            .append('/')
            .append(country)
            .append(',')
            .append(1 + c)
            .append('.')
            .append(50 + k)
            .append(",t/t")
            .append(citation);
        csv.append(cn)
            .append('-')
            .append(country)
            .append("-i,cbam_default_see_indirect,")
            .append(cn)
            .append('/')
            .append(country)
            .append(",0.")
            .append(20 + k)
            .append(",t/t")
            .append(citation);
      }
      csv.append("benchmark-")
          .append(cn)
          .append(",cbam_benchmark,benchmark-")
          .append(cn)
          .append(",0.")
          .append(7 + c)
          .append("5,t/t")
          .append(citation);
    }
    csv.append("price-2026,cbam_certificate_price,2026,80,EUR/t").append(citation);
    return csv.toString();
  }

  /** The table as the runtime holds it in memory. */
  static FactorTable table() {
    try (CsvRecords records = CsvRecords.open(new StringReader(csv()))) {
      List<LabelledRow> rows = records.readAll();
      return new FactorTable(
          TABLE, 1, TITLE, null, TableOrigin.TENANT, FactorRowParser.parse(TABLE, 1, rows));
    }
  }

  /** The obligation's terms: 2026, the fixture price, 1,000,000 EUR carbon price paid. */
  static String termsJson() {
    return "{\"year\": 2026, \"certificatePrice\": {\"table\": \""
        + TABLE
        + "\", \"subject\": \"2026\"},"
        + " \"carbonPricePaid\": {\"value\": \"1000000\", \"unit\": \"EUR\"}}";
  }
}
