package io.greenlang.runtime.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The factor tables one tenant sees: the built-in tables and the tenant's own. Tables are loaded
 * once per catalog instance, so a batch sees one version of each table from start to end; "latest"
 * means the latest when first asked.
 */
public final class FactorCatalog implements FactorLookup {

  /** Where a tenant's own tables come from (PostgreSQL in the runtime). */
  @FunctionalInterface
  public interface TenantTables {
    /** The tenant's table {@code id} at {@code version}, or its latest version when null. */
    Optional<FactorTable> table(String id, Integer version);
  }

  private final BuiltInCatalog builtIn;
  private final TenantTables tenantTables;
  private final Map<String, Optional<FactorTable>> loaded = new ConcurrentHashMap<>();

  public FactorCatalog(BuiltInCatalog builtIn, TenantTables tenantTables) {
    this.builtIn = builtIn;
    this.tenantTables = tenantTables;
  }

  /** Only the built-in tables. */
  public static FactorCatalog builtInOnly() {
    return new FactorCatalog(BuiltInCatalog.shipped(), (id, version) -> Optional.empty());
  }

  /** Table {@code id} at {@code version} (latest when null), built-in or the tenant's. */
  public Optional<FactorTable> table(String id, Integer version) {
    if (builtIn.has(id)) {
      return builtIn.table(id, version);
    }
    return loaded.computeIfAbsent(
        id + "@" + (version == null ? "latest" : version), key -> tenantTables.table(id, version));
  }

  @Override
  public Optional<FactorRow> find(FactorQuery query) {
    FactorTable table =
        table(query.tableId(), query.version())
            .orElseThrow(
                () ->
                    new FactorLookupException(
                        FactorLookupException.Reason.UNKNOWN_TABLE,
                        query.version() == null
                            ? "no factor table " + query.tableId()
                            : "no version "
                                + query.version()
                                + " of factor table "
                                + query.tableId()));
    return table.find(query.quantity(), query.subject(), query.asOf());
  }

  /** The row {@code reference} names, if its table version exists and has it. */
  public Optional<FactorRow> row(FactorReference reference) {
    return table(reference.tableId(), reference.tableVersion())
        .flatMap(table -> table.row(reference.rowId()));
  }
}
