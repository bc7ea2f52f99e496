package io.greenlang.runtime.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.greenlang.runtime.provenance.CanonicalJson;
import io.greenlang.runtime.provenance.Sha256;
import java.util.Comparator;
import java.util.List;

/** Facts about sets of factor rows shared by built-in and tenant tables. */
public final class FactorTables {

  private FactorTables() {}

  /** SHA-256 of the canonical JSON array of the rows, ordered by row id. */
  public static String contentHash(List<FactorRow> rows) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode(rows.size());
    rows.stream()
        .sorted(Comparator.comparing(FactorRow::rowId))
        .forEach(row -> array.add(row.toJson()));
    return Sha256.hex(CanonicalJson.bytes(array));
  }
}
