package io.greenlang.runtime.calculation;

import io.greenlang.runtime.catalog.BuiltInCatalog;
import io.greenlang.runtime.catalog.CsvRecords;
import io.greenlang.runtime.catalog.FactorCatalog;
import io.greenlang.runtime.catalog.FactorRowParser;
import io.greenlang.runtime.catalog.FactorTable;
import io.greenlang.runtime.catalog.TableOrigin;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tenant tables for tests, written as CSV lines {@code rowId,quantity,subject,value,unit} (the
 * citation columns are filled with "test fixture": these are not published values), and a catalog
 * of the built-in tables plus them.
 */
public final class TestTables {

  private TestTables() {}

  /** A tenant table version from short CSV lines. */
  public static FactorTable table(String id, int version, String... lines) {
    StringBuilder csv =
        new StringBuilder(
            "rowId,quantity,subject,value,unit,source,edition,sourceTable,licence,validFrom,validTo\n");
    for (String line : lines) {
      String[] cells = line.split(",", -1);
      csv.append(String.join(",", Arrays.copyOf(cells, 5)))
          .append(",test fixture,test,test,test fixture,")
          .append(cells.length > 5 ? cells[5] : "")
          .append(',')
          .append(cells.length > 6 ? cells[6] : "")
          .append('\n');
    }
    try (CsvRecords records = CsvRecords.open(new StringReader(csv.toString()))) {
      return new FactorTable(
          id,
          version,
          "test table " + id,
          null,
          TableOrigin.TENANT,
          FactorRowParser.parse(id, version, records.readAll()));
    }
  }

  /** The built-in catalog plus {@code tenantTables} (latest = highest version). */
  public static FactorCatalog catalog(FactorTable... tenantTables) {
    Map<String, TreeMap<Integer, FactorTable>> byId =
        Arrays.stream(tenantTables)
            .collect(
                Collectors.groupingBy(
                    FactorTable::id,
                    Collectors.toMap(
                        FactorTable::version, Function.identity(), (a, b) -> a, TreeMap::new)));
    return new FactorCatalog(
        BuiltInCatalog.shipped(),
        (id, version) -> {
          TreeMap<Integer, FactorTable> versions = byId.get(id);
          if (versions == null) {
            return Optional.empty();
          }
          return Optional.ofNullable(
              version == null ? versions.lastEntry().getValue() : versions.get(version));
        });
  }
}
