package io.greenlang.runtime.catalog;

import java.util.Optional;

/**
 * Finds factor rows. Implemented by the catalog (built-in and tenant tables), by the recorder that
 * notes which rows a calculation used, and by the verifier that answers from a provenance record.
 */
public interface FactorLookup {

  /**
   * The one row matching {@code query}, or empty when the table has none.
   *
   * @throws FactorLookupException when the table does not exist or several rows match
   */
  Optional<FactorRow> find(FactorQuery query);

  /**
   * The one row matching {@code query}.
   *
   * @throws FactorLookupException when there is none, the table does not exist or several match
   */
  default FactorRow require(FactorQuery query) {
    return find(query)
        .orElseThrow(
            () ->
                new FactorLookupException(
                    FactorLookupException.Reason.NO_ROW, "no factor row for " + query));
  }
}
