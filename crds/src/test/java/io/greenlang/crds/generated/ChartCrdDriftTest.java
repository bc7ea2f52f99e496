package io.greenlang.crds.generated;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CRDs in the Helm chart are the ones generated from the Java model, byte for byte; a change to
 * the model without copying the result into the chart fails the build.
 */
class ChartCrdDriftTest {
  @Test
  void chartHoldsExactlyTheGeneratedCrds() throws IOException {
    List<Path> generated = RepositoryFiles.list(RepositoryFiles.generatedCrds(), ".yml");
    assertThat(generated).as("generated CRDs in %s", RepositoryFiles.generatedCrds()).hasSize(5);
    if (RepositoryFiles.REGENERATE) {
      Files.createDirectories(RepositoryFiles.chartCrds());
      for (Path old : RepositoryFiles.list(RepositoryFiles.chartCrds(), ".yml")) {
        Files.delete(old);
      }
      for (Path crd : generated) {
        Files.copy(
            crd,
            RepositoryFiles.chartCrds().resolve(crd.getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }

    List<String> committedNames =
        RepositoryFiles.list(RepositoryFiles.chartCrds(), ".yml").stream()
            .map(p -> p.getFileName().toString())
            .toList();
    assertThat(committedNames)
        .as("CRD files in helm/greenlang-operator/crds; %s", RepositoryFiles.REGENERATE_HINT)
        .containsExactlyElementsOf(
            generated.stream().map(p -> p.getFileName().toString()).toList());
    for (Path crd : generated) {
      Path committed = RepositoryFiles.chartCrds().resolve(crd.getFileName());
      assertThat(Files.readString(committed))
          .as("%s differs from the generated CRD; %s", committed, RepositoryFiles.REGENERATE_HINT)
          .isEqualTo(Files.readString(crd));
    }
  }
}
