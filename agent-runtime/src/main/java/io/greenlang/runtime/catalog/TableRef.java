package io.greenlang.runtime.catalog;

import java.util.Objects;

/**
 * A factor table named by a calculation input: its id and, optionally, a version (null: latest).
 */
public record TableRef(String id, Integer version) {

  public TableRef {
    Objects.requireNonNull(id, "id");
  }

  /** The latest version of table {@code id}. */
  public static TableRef latest(String id) {
    return new TableRef(id, null);
  }
}
