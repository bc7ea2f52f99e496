package io.greenlang.runtime.calculation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.greenlang.runtime.catalog.FactorLookup;
import io.greenlang.runtime.catalog.FactorQuery;
import io.greenlang.runtime.catalog.FactorReference;
import io.greenlang.runtime.catalog.FactorRow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Notes every row one calculation was given, in the order first used, for its provenance. */
final class RecordingFactorLookup implements FactorLookup {

  private final FactorLookup delegate;
  private final Map<FactorReference, FactorRow> used = new LinkedHashMap<>();

  RecordingFactorLookup(FactorLookup delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<FactorRow> find(FactorQuery query) {
    Optional<FactorRow> row = delegate.find(query);
    row.ifPresent(r -> used.putIfAbsent(r.reference(), r));
    return row;
  }

  /** The rows used, as provenance records them. */
  ArrayNode rowsJson() {
    ArrayNode rows = JsonNodeFactory.instance.arrayNode(used.size());
    used.values().forEach(row -> rows.add(row.toJson()));
    return rows;
  }
}
