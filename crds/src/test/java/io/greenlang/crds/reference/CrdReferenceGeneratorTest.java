package io.greenlang.crds.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.greenlang.crds.validation.CrdReader;
import io.greenlang.crds.validation.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Markdown reference documents every field and rule, in a stable order. */
class CrdReferenceGeneratorTest {

  private final List<CustomResourceDefinition> fixtures =
      CrdReader.read(List.of(Fixtures.crdDirectory()));

  @Test
  void documentsKindsFieldsAndRules() {
    String reference = CrdReferenceGenerator.render(fixtures);

    assertThat(reference)
        .startsWith("# API reference\n")
        .contains("| [Tenant](#tenant) | `fixtures.greenlang.io/v1alpha1` | Cluster | `tn` |\n")
        .contains("| Versions | `v1alpha1` (served, storage, status subresource) |\n")
        .contains("| Categories | `greenlang` |\n")
        .contains("| Phase | string | `.status.phase` | Lifecycle phase of the tenant. |\n")
        .contains(
            "- rule: `self.metadata.name.size() <= 20` — tenant names are at most 20 characters\n")
        .contains(
            "| `spec.isolation` | string<br>enum: `logical`, `namespace`, `database`, `dedicated` |"
                + " How strongly the tenant is separated from the others. |  | required<br>immutable:"
                + " `self == oldSelf` — isolation is immutable |\n")
        .contains(
            "| `spec.maxAgents` | integer (int32) | Upper bound on agents \\| counted per namespace. |"
                + " `10` | minimum: 1<br>maximum: 100 |\n")
        .contains(
            "| `spec.tier` | string<br>enum: `FREE`, `STANDARD`, `ENTERPRISE` |  | `STANDARD` |  |\n")
        .contains("| `spec.labels{}` | string |  |  | max length: 63 |\n")
        .contains("| `spec.members[].since` | string (date-time) |")
        .contains("list of unique keys: `name`")
        .contains(
            "rule: `self.isolation != 'dedicated' \\|\\| has(self.cluster)` — a dedicated tenant names"
                + " its cluster (reported on `.cluster`) (FieldValueRequired)")
        .contains("| `spec.clusters` | map[string]object |")
        .contains("| `spec.port` | int-or-string |")
        .contains("| `spec.settings` | object (free-form) |")
        .contains("| `spec.loadFactor` | number |  |  | maximum: 1 (exclusive) |\n")
        .contains(
            "on update: `!oldSelf.hasValue() \\|\\| self >= oldSelf.value()` — capacity may only grow (also on create)")
        .contains("| `status.namespaces` | []string |  |  | items unique (set) |\n")
        // a plain string item row would only repeat the parent's []string
        .doesNotContain("`status.namespaces[]`")
        .doesNotContain("`metadata`")
        .doesNotContain("`apiVersion`");
  }

  @Test
  void sectionsFollowTheGreenLangKindOrderThenTheAlphabet() {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (String kind :
        List.of("Zeta", "PipelineRun", "Agent", "Alpha", "Pipeline", "Tenant", "Region")) {
      crds.add(minimalCrd(kind));
    }

    String reference = CrdReferenceGenerator.render(crds);

    assertThat(headings(reference))
        .containsExactly("Region", "Tenant", "Agent", "Pipeline", "PipelineRun", "Alpha", "Zeta");
  }

  @Test
  void outputIsDeterministicWhateverTheInputOrder() {
    List<CustomResourceDefinition> shuffled =
        new ArrayList<>(CrdReader.read(List.of(Fixtures.crdDirectory())));
    Collections.reverse(shuffled);

    String first = CrdReferenceGenerator.render(fixtures);

    assertThat(CrdReferenceGenerator.render(fixtures)).isEqualTo(first);
    assertThat(CrdReferenceGenerator.render(shuffled)).isEqualTo(first);
    assertThat(headings(first)).containsExactly("Region", "Tenant", "Widget");
  }

  @Test
  void mainWritesTheReferenceOfAFileOrDirectory(@TempDir Path temp) throws Exception {
    Path output = temp.resolve("docs/crd-reference.md");

    CrdReferenceGenerator.main(
        new String[] {output.toString(), Fixtures.crdDirectory().toString()});

    assertThat(Files.readString(output, StandardCharsets.UTF_8))
        .isEqualTo(CrdReferenceGenerator.render(fixtures));
  }

  private static CustomResourceDefinition minimalCrd(String kind) {
    String plural = kind.toLowerCase() + "s";
    return CrdReader.parse(
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: %s.fixtures.greenlang.io}
        spec:
          group: fixtures.greenlang.io
          names: {kind: %s, plural: %s}
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec: {type: object, properties: {size: {type: integer}}}
        """
            .formatted(plural, kind, plural));
  }

  private static List<String> headings(String markdown) {
    Matcher heading = Pattern.compile("(?m)^## (\\S+)$").matcher(markdown);
    List<String> kinds = new ArrayList<>();
    while (heading.find()) {
      kinds.add(heading.group(1));
    }
    return kinds;
  }
}
