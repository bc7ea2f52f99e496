package io.greenlang.operator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceTextTest {

  @Test
  void splitsTextAndTheThreeKindsOfReference() {
    ReferenceText text =
        ReferenceText.parse(
            "Q${params.quarter} of ${inputs.shipments} and ${steps.score.outputs.level}");

    assertThat(text.references())
        .containsExactly(
            Reference.param("quarter"),
            Reference.input("shipments"),
            Reference.stepOutput("score", "level"));
    assertThat(text.parts()).hasSize(6).startsWith("Q");
    assertThat(text.soleReference()).isNull();
  }

  @Test
  void aTextThatIsOneReferenceHasASoleReference() {
    assertThat(ReferenceText.parse("${steps.intake.outputs.lines}").soleReference())
        .isEqualTo(Reference.stepOutput("intake", "lines"));
    assertThat(ReferenceText.parse("plain text").references()).isEmpty();
    assertThat(ReferenceText.parse("").parts()).isEmpty();
  }

  @Test
  void stepNamesWithDashesAndOutputKeysInCamelCase() {
    assertThat(
            ReferenceText.parse("${steps.embedded-emissions.outputs.validRowCount}").references())
        .containsExactly(Reference.stepOutput("embedded-emissions", "validRowCount"));
  }

  @Test
  void malformedReferencesAreNamed() {
    for (String bad :
        List.of(
            "${params.year",
            "${}",
            "${param.year}",
            "${steps.intake.lines}",
            "${steps.Intake.outputs.x}",
            "${inputs.1st}")) {
      assertThatThrownBy(() -> ReferenceText.parse(bad))
          .as(bad)
          .isInstanceOf(ReferenceText.MalformedReferenceException.class);
    }
    assertThatThrownBy(() -> ReferenceText.parse("x ${param.year} y"))
        .hasMessage(
            "\"${param.year}\" is not a reference: use ${params.NAME}, ${inputs.NAME} or"
                + " ${steps.STEP.outputs.KEY}");
  }
}
