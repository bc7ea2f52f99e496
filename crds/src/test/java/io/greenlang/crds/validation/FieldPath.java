package io.greenlang.crds.validation;

/**
 * A location inside an object in the notation the API server uses in its errors: dots between
 * properties, {@code [2]} for list items and {@code [key]} for map entries ({@code
 * spec.steps[2].dependsOn}).
 */
public final class FieldPath {

  private static final FieldPath ROOT = new FieldPath("");

  private final String text;

  private FieldPath(String text) {
    this.text = text;
  }

  /** The object itself. */
  public static FieldPath root() {
    return ROOT;
  }

  /** The named property of this field. */
  public FieldPath child(String name) {
    return new FieldPath(text.isEmpty() ? name : text + "." + name);
  }

  /** The list item at {@code index} of this field. */
  public FieldPath index(int index) {
    return new FieldPath(text + "[" + index + "]");
  }

  /** The map entry under {@code key} of this field. */
  public FieldPath key(String key) {
    return new FieldPath(text + "[" + key + "]");
  }

  /** Whether this is the object itself rather than one of its fields. */
  public boolean isRoot() {
    return text.isEmpty();
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FieldPath path && path.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
