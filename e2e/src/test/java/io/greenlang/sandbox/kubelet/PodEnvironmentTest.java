package io.greenlang.sandbox.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kubernetes {@code $(VAR)} expansion as the local kubelet applies it to {@code env[].value}. */
class PodEnvironmentTest {
  private final Map<String, String> defined = Map.of("HOST", "db.local", "PORT", "5432");

  @Test
  void referencesToEarlierVariablesAreReplaced() {
    assertThat(PodEnvironment.expand("jdbc:postgresql://$(HOST):$(PORT)/x", defined))
        .isEqualTo("jdbc:postgresql://db.local:5432/x");
  }

  @Test
  void unknownReferencesStayAsWritten() {
    assertThat(PodEnvironment.expand("$(MISSING)-$(HOST)", defined))
        .isEqualTo("$(MISSING)-db.local");
  }

  @Test
  void aDoubleDollarEscapesAReference() {
    assertThat(PodEnvironment.expand("$$(HOST) costs $5", defined)).isEqualTo("$(HOST) costs $5");
  }

  @Test
  void anUnclosedReferenceIsText() {
    assertThat(PodEnvironment.expand("$(HOST", defined)).isEqualTo("$(HOST");
  }
}
