package io.greenlang.crds.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.crds.GreenLang;
import io.greenlang.crds.RepositoryFiles;
import io.greenlang.crds.validation.CrdCatalog;
import io.greenlang.crds.validation.ManifestYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every GreenLang object in samples/ passes the generated CRDs' schema and CEL rules, as the API
 * server would check them on {@code kubectl apply}.
 */
class SampleManifestsTest {
  private static final CrdCatalog CRDS = CrdCatalog.read(RepositoryFiles.generatedCrds());

  static Stream<Arguments> greenLangObjectsInSamples() throws IOException {
    List<Path> files = RepositoryFiles.walk(RepositoryFiles.samples(), ".yaml");
    assertThat(files).as("sample manifests").isNotEmpty();
    Stream.Builder<Arguments> objects = Stream.builder();
    for (Path file : files) {
      for (JsonNode object : ManifestYaml.parseAll(Files.readString(file))) {
        if (object.path("apiVersion").asText().startsWith(GreenLang.GROUP + "/")) {
          String label =
              RepositoryFiles.root().relativize(file)
                  + " "
                  + object.path("kind").asText()
                  + "/"
                  + object.path("metadata").path("name").asText();
          objects.add(Arguments.of(label, object));
        }
      }
    }
    return objects.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("greenLangObjectsInSamples")
  void sampleIsValid(String label, JsonNode object) {
    assertThat(CRDS.validateCreate(object)).as(label).isEmpty();
  }
}
