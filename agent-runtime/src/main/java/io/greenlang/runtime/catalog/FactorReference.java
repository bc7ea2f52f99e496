package io.greenlang.runtime.catalog;

/** Which factor row: table id, table version and row id. */
public record FactorReference(String tableId, int tableVersion, String rowId) {

  @Override
  public String toString() {
    return tableId + "@" + tableVersion + "#" + rowId;
  }
}
