package io.greenlang.runtime.calculation.verification;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.runtime.catalog.FactorLookup;
import io.greenlang.runtime.catalog.FactorLookupException;
import io.greenlang.runtime.catalog.FactorQuery;
import io.greenlang.runtime.catalog.FactorRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers a recalculation's lookups from the factor rows its provenance recorded, and from nothing
 * else: a query no recorded row answers finds nothing, so a recalculation can only use what the
 * original calculation used.
 */
final class RecordedFactorLookup implements FactorLookup {

  private final List<FactorRow> rows = new ArrayList<>();

  RecordedFactorLookup(JsonNode recorded) {
    for (JsonNode row : recorded) {
      rows.add(FactorRow.fromJson(row));
    }
  }

  List<FactorRow> rows() {
    return rows;
  }

  @Override
  public Optional<FactorRow> find(FactorQuery query) {
    FactorRow match = null;
    for (FactorRow row : rows) {
      if (row.tableId().equals(query.tableId())
          && (query.version() == null || row.tableVersion() == query.version())
          && row.quantity().equals(query.quantity())
          && row.subject().equals(query.subject())
          && (query.asOf() == null || row.validOn(query.asOf()))) {
        if (match != null) {
          throw new FactorLookupException(
              FactorLookupException.Reason.AMBIGUOUS,
              "the provenance records several rows for " + query);
        }
        match = row;
      }
    }
    return Optional.ofNullable(match);
  }
}
