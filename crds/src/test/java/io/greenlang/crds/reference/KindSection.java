package io.greenlang.crds.reference;

import static io.greenlang.crds.reference.MarkdownTable.code;
import static io.greenlang.crds.reference.MarkdownTable.text;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionNames;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.greenlang.crds.validation.CrdReader;
import io.greenlang.crds.validation.SchemaField;
import io.greenlang.crds.validation.SchemaNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The reference section of one kind: what the CRD declares about the kind (group, versions, scope,
 * names, printer columns), then for each version its whole-object rules and the table of its
 * fields.
 */
final class KindSection {

  /**
   * Top-level fields every object has and the API server defines; the reference leaves them out.
   */
  private static final Set<String> STANDARD_TOP_LEVEL_FIELDS =
      Set.of("apiVersion", "kind", "metadata");

  private KindSection() {}

  static String render(CustomResourceDefinition crd) {
    CustomResourceDefinitionNames names = crd.getSpec().getNames();
    StringBuilder section = new StringBuilder();
    section.append("## ").append(names.getKind()).append("\n\n");
    List<CustomResourceDefinitionVersion> versions = crd.getSpec().getVersions();
    String description = versions.isEmpty() ? "" : rootSchema(versions.get(0)).description();
    if (!description.isBlank()) {
      section.append(text(description)).append("\n\n");
    }
    section.append(overview(crd).render()).append('\n');
    for (CustomResourceDefinitionVersion version : versions) {
      section.append(versionSection(names.getKind(), version));
    }
    return section.toString();
  }

  private static MarkdownTable overview(CustomResourceDefinition crd) {
    CustomResourceDefinitionNames names = crd.getSpec().getNames();
    String versions =
        crd.getSpec().getVersions().stream()
            .map(KindSection::versionLabel)
            .collect(Collectors.joining(", "));
    return new MarkdownTable("Property", "Value")
        .row("Group", code(crd.getSpec().getGroup()))
        .row("Versions", versions)
        .row("Scope", text(crd.getSpec().getScope()))
        .row("Plural", code(names.getPlural()))
        .row("Singular", names.getSingular() == null ? "" : code(names.getSingular()))
        .row("Short names", codes(names.getShortNames()))
        .row("Categories", codes(names.getCategories()));
  }

  private static String versionLabel(CustomResourceDefinitionVersion version) {
    List<String> traits = new ArrayList<>();
    traits.add(Boolean.FALSE.equals(version.getServed()) ? "not served" : "served");
    if (Boolean.TRUE.equals(version.getStorage())) {
      traits.add("storage");
    }
    if (Boolean.TRUE.equals(version.getDeprecated())) {
      traits.add("deprecated");
    }
    if (version.getSubresources() != null && version.getSubresources().getStatus() != null) {
      traits.add("status subresource");
    }
    if (version.getSubresources() != null && version.getSubresources().getScale() != null) {
      traits.add("scale subresource");
    }
    return code(version.getName()) + " (" + String.join(", ", traits) + ")";
  }

  private static String versionSection(String kind, CustomResourceDefinitionVersion version) {
    StringBuilder section = new StringBuilder();
    section.append("### ").append(kind).append(' ').append(version.getName()).append("\n\n");
    MarkdownTable columns = printerColumns(version);
    if (!columns.isEmpty()) {
      section.append("Printer columns:\n\n").append(columns.render()).append('\n');
    }
    SchemaNode root = rootSchema(version);
    if (!root.celRules().isEmpty()) {
      section.append("Rules on the whole object:\n\n");
      root.celRules()
          .forEach(rule -> section.append("- ").append(FieldCells.rule(rule)).append('\n'));
      section.append('\n');
    }
    MarkdownTable fields =
        new MarkdownTable("Field", "Type", "Description", "Default", "Validation");
    for (SchemaField field : documentedFields(root)) {
      if (saysNothingBeyondItsParent(field)) {
        continue;
      }
      fields.row(
          code(field.path()),
          FieldCells.type(field.schema()),
          text(field.schema().description()),
          FieldCells.defaultValue(field.schema()),
          FieldCells.validation(field));
    }
    section
        .append(fields.isEmpty() ? "This version declares no fields.\n" : fields.render())
        .append('\n');
    return section.toString();
  }

  private static MarkdownTable printerColumns(CustomResourceDefinitionVersion version) {
    MarkdownTable table = new MarkdownTable("Column", "Type", "JSONPath", "Description");
    List<CustomResourceColumnDefinition> columns =
        version.getAdditionalPrinterColumns() == null
            ? List.of()
            : version.getAdditionalPrinterColumns();
    for (CustomResourceColumnDefinition column : columns) {
      boolean wideOnly = column.getPriority() != null && column.getPriority() > 0;
      table.row(
          text(column.getName()) + (wideOnly ? " (wide)" : ""),
          text(column.getType())
              + (column.getFormat() == null ? "" : " (" + text(column.getFormat()) + ")"),
          code(column.getJsonPath()),
          column.getDescription() == null ? "" : text(column.getDescription()));
    }
    return table;
  }

  /**
   * The top-level fields other than apiVersion/kind/metadata (spec, status, ...) and all below
   * them.
   */
  private static List<SchemaField> documentedFields(SchemaNode root) {
    Map<String, SchemaNode> topLevel = new TreeMap<>(root.properties());
    List<String> required = root.required();
    List<SchemaField> fields = new ArrayList<>();
    topLevel.forEach(
        (name, schema) -> {
          if (!STANDARD_TOP_LEVEL_FIELDS.contains(name)) {
            fields.add(new SchemaField(name, schema, required.contains(name)));
            fields.addAll(SchemaField.below(schema, name));
          }
        });
    return fields;
  }

  /**
   * A plain item or map-value row ({@code tags[]} of type string with no constraint) repeats what
   * the parent's type ({@code []string}) already says.
   */
  private static boolean saysNothingBeyondItsParent(SchemaField field) {
    boolean elementRow = field.path().endsWith("[]") || field.path().endsWith("{}");
    SchemaNode schema = field.schema();
    boolean container = schema.type().equals("object") || schema.type().equals("array");
    return elementRow
        && !container
        && schema.description().isBlank()
        && schema.enumValues().isEmpty()
        && FieldCells.defaultValue(schema).isEmpty()
        && FieldCells.validation(field).isEmpty();
  }

  private static SchemaNode rootSchema(CustomResourceDefinitionVersion version) {
    return SchemaNode.of(CrdReader.openApiSchema(version));
  }

  private static String codes(List<String> values) {
    return values == null
        ? ""
        : values.stream().map(MarkdownTable::code).collect(Collectors.joining(", "));
  }
}
