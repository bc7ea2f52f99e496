package io.greenlang.crds.generated;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.RepositoryFiles;
import io.greenlang.crds.reference.CrdReferenceGenerator;
import io.greenlang.crds.validation.CrdReader;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** docs/reference/crds.md is rendered from the generated CRDs and must match them. */
class CrdReferenceDriftTest {
  @Test
  void referenceDocumentMatchesTheGeneratedCrds() throws IOException {
    var crds = CrdReader.read(RepositoryFiles.list(RepositoryFiles.generatedCrds(), ".yml"));
    String rendered = CrdReferenceGenerator.render(crds);
    if (RepositoryFiles.REGENERATE) {
      Files.createDirectories(RepositoryFiles.crdReference().getParent());
      Files.writeString(RepositoryFiles.crdReference(), rendered);
    }

    assertThat(Files.exists(RepositoryFiles.crdReference()))
        .as("%s exists; %s", RepositoryFiles.crdReference(), RepositoryFiles.REGENERATE_HINT)
        .isTrue();
    assertThat(Files.readString(RepositoryFiles.crdReference()))
        .as("docs/reference/crds.md is out of date; %s", RepositoryFiles.REGENERATE_HINT)
        .isEqualTo(rendered);
  }
}
