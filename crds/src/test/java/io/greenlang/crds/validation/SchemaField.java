package io.greenlang.crds.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One field declared by a schema, named by its path in reference notation: dots between properties,
 * {@code []} for the items of a list and {@code {}} for the values of a map ({@code
 * spec.members[].role}).
 *
 * @param path where the field sits below the node the listing started from
 * @param schema the field's schema
 * @param required whether the enclosing object lists the field as required
 */
public record SchemaField(String path, SchemaNode schema, boolean required) {

  /**
   * Every field below {@code node}, depth first, properties in alphabetical order so the listing is
   * stable whatever order the generator wrote them in.
   *
   * @param pathPrefix the path of {@code node} itself; empty for the root
   */
  public static List<SchemaField> below(SchemaNode node, String pathPrefix) {
    List<SchemaField> fields = new ArrayList<>();
    collect(node, pathPrefix, fields);
    return fields;
  }

  private static void collect(SchemaNode node, String path, List<SchemaField> fields) {
    Map<String, SchemaNode> sorted = new TreeMap<>(node.properties());
    List<String> required = node.required();
    sorted.forEach(
        (name, child) -> {
          String childPath = path.isEmpty() ? name : path + "." + name;
          fields.add(new SchemaField(childPath, child, required.contains(name)));
          collect(child, childPath, fields);
        });
    node.items()
        .ifPresent(
            items -> {
              fields.add(new SchemaField(path + "[]", items, false));
              collect(items, path + "[]", fields);
            });
    node.additionalProperties()
        .ifPresent(
            values -> {
              fields.add(new SchemaField(path + "{}", values, false));
              collect(values, path + "{}", fields);
            });
  }
}
