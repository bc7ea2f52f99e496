package io.greenlang.runtime.worker.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.worker.StepFailure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToolInputsTest {

  @Test
  void decimalsComeAsNumbersOrTextAndAreReadExactly() {
    ToolInputs in =
        ToolInputs.of(
            Map.of("a", "1200.500", "b", new BigDecimal("2.430"), "c", 7, "d", 12_000_000_000L));
    assertThat(in.decimal("a")).isEqualTo(new BigDecimal("1200.500"));
    assertThat(in.decimal("b")).isEqualTo(new BigDecimal("2.430"));
    assertThat(in.decimal("c")).isEqualTo(new BigDecimal("7"));
    assertThat(in.decimal("d")).isEqualTo(new BigDecimal("12000000000"));
    assertThat(in.integer("c", 1, 10)).isEqualTo(7);
    assertThat(ToolInputs.of(Map.of("year", "2026")).integer("year", 2026, 2100)).isEqualTo(2026);
  }

  @Test
  void badValuesFailNamingTheInput() {
    ToolInputs in = ToolInputs.of(Map.of("mass", "12,5", "year", "2025.5", "list", "a,b"));
    assertThatThrownBy(() -> in.decimal("mass"))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.reason()).isEqualTo("InvalidInput"))
        .hasMessage("input 'mass' \"12,5\" is not a decimal number (use '.')");
    assertThatThrownBy(() -> in.integer("year", 2026, 2100))
        .hasMessage("input 'year' must be a whole number, was 2025.5");
    assertThatThrownBy(() -> in.list("list"))
        .hasMessage("input 'list' must be a list or object (or its JSON text), not text");
    assertThatThrownBy(() -> in.text("missing")).hasMessage("input 'missing' is required");
    assertThatThrownBy(() -> in.rejectUnknown(Set.of("mass", "year")))
        .hasMessage("input 'list' is not an input of this tool; its inputs are [mass, year]");
  }

  @Test
  void aListMayComeAsItsJsonTextAndItsElementsAreNamedByIndex() {
    ToolInputs in =
        ToolInputs.of(Map.of("lines", "[{\"netMassTonnes\": 1.5}, {\"netMassTonnes\": \"x\"}]"));
    List<ToolInputs> lines = in.objects("lines");
    assertThat(lines.get(0).decimal("netMassTonnes")).isEqualTo(new BigDecimal("1.5"));
    assertThatThrownBy(() -> lines.get(1).decimal("netMassTonnes"))
        .hasMessage("input 'lines[1].netMassTonnes' \"x\" is not a decimal number");
    assertThatThrownBy(() -> ToolInputs.of(Map.of("lines", List.of("x"))).objects("lines"))
        .hasMessage("input 'lines[0]' must be an object, not text");
    assertThatThrownBy(() -> ToolInputs.of(Map.of("lines", List.of())).objects("lines"))
        .hasMessage("input 'lines' is empty; at least one element is required");
  }
}
