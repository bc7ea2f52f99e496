package io.greenlang.crds.reference;

import static io.greenlang.crds.reference.MarkdownTable.code;
import static io.greenlang.crds.reference.MarkdownTable.text;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.greenlang.crds.validation.CrdReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders the Markdown API reference of a set of CRDs: an index of the kinds, then per kind its
 * names, scope, printer columns and a table of every field under spec and status with type,
 * description, default and validation (including CEL rules). The output depends only on the CRDs:
 * same input, same bytes.
 */
public final class CrdReferenceGenerator {

  private CrdReferenceGenerator() {}

  /**
   * Writes the reference of the CRDs found in the given files and directories to a Markdown file.
   *
   * @param args the output file, then one or more CRD files or directories of {@code *.yml} CRDs
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "usage: CrdReferenceGenerator <output.md> <crd file or directory>...");
    }
    List<Path> inputs = Arrays.stream(args).skip(1).map(Path::of).toList();
    write(Path.of(args[0]), CrdReader.read(inputs));
  }

  /** Writes {@link #render(List)} to {@code output}, creating its directory if needed. */
  public static void write(Path output, List<CustomResourceDefinition> crds) throws IOException {
    Path directory = output.toAbsolutePath().getParent();
    if (directory != null) {
      Files.createDirectories(directory);
    }
    Files.writeString(output, render(crds), StandardCharsets.UTF_8);
  }

  /** The reference as Markdown, kinds in {@link KindOrder}. */
  public static String render(List<CustomResourceDefinition> crds) {
    List<CustomResourceDefinition> ordered = crds.stream().sorted(new KindOrder()).toList();
    StringBuilder document = new StringBuilder();
    document.append("# API reference\n\n");
    document.append(
        "Generated from the CustomResourceDefinitions by `CrdReferenceGenerator`; do not edit by hand.\n\n");
    document.append(index(ordered).render()).append('\n');
    ordered.forEach(crd -> document.append(KindSection.render(crd)));
    return document.toString().stripTrailing() + "\n";
  }

  private static MarkdownTable index(List<CustomResourceDefinition> crds) {
    MarkdownTable table = new MarkdownTable("Kind", "API versions", "Scope", "Short names");
    for (CustomResourceDefinition crd : crds) {
      String kind = KindOrder.kind(crd);
      String apiVersions =
          crd.getSpec().getVersions().stream()
              .map(version -> code(crd.getSpec().getGroup() + "/" + version.getName()))
              .collect(Collectors.joining(", "));
      List<String> shortNames = crd.getSpec().getNames().getShortNames();
      table.row(
          "[" + text(kind) + "](#" + kind.toLowerCase(Locale.ROOT) + ")",
          apiVersions,
          text(crd.getSpec().getScope()),
          shortNames == null
              ? ""
              : shortNames.stream().map(MarkdownTable::code).collect(Collectors.joining(", ")));
    }
    return table;
  }
}
