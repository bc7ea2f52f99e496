package io.greenlang.crds.validation;

/**
 * Resolves a rule's {@code fieldPath} ({@code .cluster}, {@code .labels['team.name']}) against the
 * node that declares the rule, so a failure is reported on the field it is about rather than on the
 * node.
 */
final class RuleFieldPath {

  private RuleFieldPath() {}

  static FieldPath resolve(FieldPath node, SchemaNode schema, String fieldPath) {
    return walk(node, schema, fieldPath).path();
  }

  /** Whether every segment of {@code fieldPath} names a field the schema declares. */
  static boolean resolves(SchemaNode schema, String fieldPath) {
    return walk(FieldPath.root(), schema, fieldPath).declared();
  }

  private record Resolution(FieldPath path, boolean declared) {}

  private static Resolution walk(FieldPath node, SchemaNode schema, String fieldPath) {
    FieldPath path = node;
    SchemaNode current = schema;
    boolean declared = !fieldPath.isEmpty();
    int position = 0;
    while (position < fieldPath.length()) {
      int end = segmentEnd(fieldPath, position);
      if (end < 0) {
        // Not a path the API server would accept; still name it rather than lose the failure.
        return new Resolution(node.child(fieldPath), false);
      }
      String name = segmentName(fieldPath, position, end);
      position = end;
      if (current.property(name).isPresent()) {
        path = path.child(name);
        current = current.property(name).get();
      } else if (current.additionalProperties().isPresent()) {
        path = path.key(name);
        current = current.additionalProperties().get();
      } else {
        path = path.child(name);
        current = SchemaNode.empty();
        declared = false;
      }
    }
    return new Resolution(path, declared);
  }

  /** Where the segment starting at {@code start} ends, or -1 when it is malformed. */
  private static int segmentEnd(String fieldPath, int start) {
    char first = fieldPath.charAt(start);
    if (first == '.') {
      int end = start + 1;
      while (end < fieldPath.length() && ".[".indexOf(fieldPath.charAt(end)) < 0) {
        end++;
      }
      return end > start + 1 ? end : -1;
    }
    if (fieldPath.startsWith("['", start)) {
      int close = fieldPath.indexOf("']", start + 2);
      return close < 0 ? -1 : close + 2;
    }
    if (first == '[') {
      int close = fieldPath.indexOf(']', start + 1);
      return close < 0 ? -1 : close + 1;
    }
    return -1;
  }

  private static String segmentName(String fieldPath, int start, int end) {
    if (fieldPath.charAt(start) == '.') {
      return fieldPath.substring(start + 1, end);
    }
    if (fieldPath.startsWith("['", start)) {
      return fieldPath.substring(start + 2, end - 2);
    }
    return fieldPath.substring(start + 1, end - 1);
  }
}
