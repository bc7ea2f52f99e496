package io.greenlang.runtime.llm.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.greenlang.crds.region.LlmProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PriceTableFileTest {

  private static PriceTable parse(String yaml) throws IOException {
    return PriceTableFile.parse(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "prices.yaml");
  }

  private static String entry(String fields) {
    return "versions:\n  - version: v1\n    effectiveFrom: \"2026-01-01\"\n    entries:\n      - "
        + fields
        + "\n";
  }

  @Test
  void theShippedTableParsesAndCitesEveryPrice() {
    PriceTable table = PriceTableFile.bundled();

    PriceTable.Version version = table.versions().get(0);
    assertThat(version.effectiveFrom()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(version.prices().values().stream().flatMap(m -> m.values().stream()))
        .allSatisfy(
            price -> {
              assertThat(price.source()).isNotBlank();
              assertThat(price.inputPer1k().stripTrailingZeros().scale()).isLessThanOrEqualTo(6);
            });
    ModelPrice sonnet =
        table
            .price(LlmProvider.ANTHROPIC, "claude-sonnet-4-5", LocalDate.of(2026, 11, 26))
            .orElseThrow();
    assertThat(sonnet.inputPer1k()).isEqualByComparingTo("0.003");
    assertThat(sonnet.outputPer1k()).isEqualByComparingTo("0.015");
    assertThat(
            table.price(
                LlmProvider.ANTHROPIC, "claude-sonnet-4-5-20250929", LocalDate.of(2026, 11, 26)))
        .as("a dated snapshot is an alias")
        .contains(sonnet);
    assertThat(
            table.price(
                LlmProvider.OPENAI_COMPATIBLE, "anything-self-hosted", LocalDate.of(2026, 11, 26)))
        .hasValueSatisfying(p -> assertThat(p.inputPer1k()).isZero());
    assertThat(table.price(LlmProvider.OPENAI, "gpt-unknown", LocalDate.of(2026, 11, 26)))
        .isEmpty();
  }

  @Test
  void theVersionInEffectOnTheDayPrices() throws IOException {
    PriceTable table =
        parse(
            """
            versions:
              - version: old
                effectiveFrom: "2026-01-01"
                entries:
                  - {provider: openai, model: m, inputPer1k: "0.002", outputPer1k: "0.004", source: s}
              - version: new
                effectiveFrom: "2026-07-01"
                entries:
                  - {provider: openai, model: m, inputPer1k: "0.001", outputPer1k: "0.002", source: s}
            """);

    assertThat(
            table.price(LlmProvider.OPENAI, "m", LocalDate.of(2026, 6, 30)).orElseThrow().version())
        .isEqualTo("old");
    assertThat(
            table.price(LlmProvider.OPENAI, "m", LocalDate.of(2026, 7, 1)).orElseThrow().version())
        .isEqualTo("new");
    assertThat(table.price(LlmProvider.OPENAI, "m", LocalDate.of(2025, 12, 31))).isEmpty();
  }

  @Test
  void refusesPricesThatWouldMakeCostsInexactOrUncited() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                parse(
                    entry(
                        "{provider: openai, model: m, inputPer1k: \"0.0000001\", outputPer1k: \"0\", source: s}")))
        .withMessageContaining(
            "prices.yaml: versions[0].entries[0].inputPer1k has more than 6 decimals");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                parse(entry("{provider: openai, model: m, inputPer1k: \"1\", outputPer1k: \"1\"}")))
        .withMessageContaining("versions[0].entries[0].source is required");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                parse(
                    entry(
                        "{provider: openai, model: m, inputPer1k: \"-1\", outputPer1k: \"1\", source: s}")))
        .withMessageContaining("inputPer1k must not be negative");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                parse(
                    entry(
                        "{provider: openai, model: m, inputPer1k: \"cheap\", outputPer1k: \"1\", source: s}")))
        .withMessageContaining("inputPer1k is not a decimal number: cheap");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                parse(
                    entry(
                        "{provider: gemini, model: m, inputPer1k: \"1\", outputPer1k: \"1\", source: s}")))
        .withMessageContaining("versions[0].entries[0].provider");
  }

  @Test
  void refusesAmbiguousTables() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                parse(
                    entry(
                        "{provider: openai, model: m, aliases: [m2], inputPer1k: \"1\", outputPer1k: \"1\", source: s}\n"
                            + "      - {provider: openai, model: m2, inputPer1k: \"2\", outputPer1k: \"2\", source: s}")))
        .withMessageContaining(
            "versions[0].entries[1]: model m2 of provider OPENAI is priced twice");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> parse("versions: []"))
        .withMessageContaining("versions must list at least one version");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                parse(
                    "versions:\n  - version: v1\n    effectiveFrom: \"November\"\n    entries:\n"
                        + "      - {provider: openai, model: m, inputPer1k: \"1\", outputPer1k: \"1\", source: s}\n"))
        .withMessageContaining("versions[0].effectiveFrom is not a date (YYYY-MM-DD): November");
  }
}
