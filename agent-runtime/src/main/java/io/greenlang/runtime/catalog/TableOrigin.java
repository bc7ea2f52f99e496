package io.greenlang.runtime.catalog;

/** Where a factor table comes from. */
public enum TableOrigin {
  /**
   * Shipped with the runtime under {@code catalog/} in its resources; the same for every tenant.
   */
  BUILT_IN,
  /** Added by a tenant through the API; stored in PostgreSQL, seen only by that tenant. */
  TENANT;

  /** Lower-case name for JSON. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
