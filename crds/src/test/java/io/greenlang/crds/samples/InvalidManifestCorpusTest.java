package io.greenlang.crds.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.crds.RepositoryFiles;
import io.greenlang.crds.validation.CrdCatalog;
import io.greenlang.crds.validation.CrdSchemaValidator;
import io.greenlang.crds.validation.DeclaredCelRule;
import io.greenlang.crds.validation.ManifestYaml;
import io.greenlang.crds.validation.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of invalid manifests under src/test/resources/invalid: each is rejected, the rejection
 * names the field given in its {@code # expect:} line, and together they trip every CEL rule of the
 * API. A file with two documents is an update: the stored object, then the changed one.
 */
class InvalidManifestCorpusTest {
  private static final CrdCatalog CRDS = CrdCatalog.read(RepositoryFiles.generatedCrds());

  static List<Path> corpus() {
    return RepositoryFiles.walk(RepositoryFiles.invalidCorpus(), ".yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void isRejectedNamingTheField(Path file) throws IOException {
    String expectedField = expectedField(file);

    List<Violation> violations = validate(file);

    violations.forEach(v -> System.out.printf("%-48s %s%n", file.getFileName(), v.message()));
    assertThat(violations).as("%s must be rejected", file.getFileName()).isNotEmpty();
    assertThat(violations)
        .as("%s: a message naming %s", file.getFileName(), expectedField)
        .anySatisfy(v -> assertThat(v.message()).contains(expectedField));
  }

  @Test
  void holdsAtLeastFortyManifests() {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(40);
  }

  @Test
  void tripsEveryCelRuleOfTheApi() throws IOException {
    List<String> messages = new ArrayList<>();
    for (Path file : corpus()) {
      validate(file).forEach(v -> messages.add(v.message()));
    }
    List<DeclaredCelRule> rules =
        CRDS.validators().stream().flatMap(v -> v.celRules().stream()).toList();
    System.out.printf(
        "Invalid-manifest corpus: %d manifests, %d CEL rules in %d CRDs%n",
        corpus().size(), rules.size(), CRDS.validators().size());

    assertThat(rules)
        .allSatisfy(
            rule ->
                assertThat(messages)
                    .as("a corpus manifest tripping %s", rule)
                    .anyMatch(m -> m.contains(rule.rule().messageOrDefault())));
  }

  @Test
  void everyCelRuleCompilesAndIsAcceptableToTheApiServer() {
    for (CrdSchemaValidator validator : CRDS.validators()) {
      assertThat(validator.celRuleProblems()).as(validator.crd().getMetadata().getName()).isEmpty();
    }
  }

  private static List<Violation> validate(Path file) throws IOException {
    List<JsonNode> documents = ManifestYaml.parseAll(Files.readString(file));
    JsonNode object = documents.get(documents.size() - 1);
    CrdSchemaValidator validator =
        CRDS.validatorFor(object.path("apiVersion").asText(), object.path("kind").asText())
            .orElseThrow(() -> new AssertionError(file + ": no CRD for its kind"));
    return documents.size() == 1
        ? validator.validateCreate(object)
        : validator.validateUpdate(documents.get(0), object);
  }

  private static String expectedField(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .filter(line -> line.startsWith("# expect: "))
        .map(line -> line.substring("# expect: ".length()).trim())
        .findFirst()
        .orElseThrow(() -> new AssertionError(file + " has no '# expect: <field>' line"));
  }
}
