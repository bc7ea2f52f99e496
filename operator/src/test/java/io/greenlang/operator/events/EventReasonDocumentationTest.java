package io.greenlang.operator.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Every Event reason the operator can emit is explained, with what to do, in
 * docs/operations/troubleshooting.md: a new {@link EventReason} constant fails this test until the
 * guide has a row for it.
 */
class EventReasonDocumentationTest {

  private static String troubleshootingGuide() throws IOException {
    Path root =
        Path.of(Objects.requireNonNull(System.getProperty("gl.project.root"), "gl.project.root"));
    return Files.readString(root.resolve("docs/operations/troubleshooting.md"));
  }

  @Test
  void everyEventReasonHasARowWithItsTypeInTheTroubleshootingGuide() throws IOException {
    String guide = troubleshootingGuide();

    assertThat(Arrays.stream(EventReason.values()))
        .allSatisfy(
            reason ->
                assertThat(guide)
                    .as("docs/operations/troubleshooting.md, section Events, row of " + reason)
                    .contains("| `" + reason.name() + "` | " + reason.type().name() + " |"));
  }
}
