package io.greenlang.runtime.worker.tools.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.ToolContext;
import io.greenlang.runtime.worker.ToolResult;
import io.greenlang.runtime.worker.tools.Contexts;
import io.greenlang.runtime.worker.tools.MemoryInTests;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryToolsTest {

  private final MemoryInTests memory = new MemoryInTests(true);
  private final RememberTool remember = new RememberTool();
  private final ForgetTool forget = new ForgetTool();

  private ToolContext context(String runUid, String tool) {
    return Contexts.context(runUid, "remember", tool, Map.of(), memory);
  }

  @Test
  void rememberWritesOneEntryPerTaskAndOutputsItsId() {
    Map<String, Object> inputs =
        Map.of(
            "content", Map.of("level", "low", "score", "26.45"), "conversation", "supplier-2048");
    ToolResult first = remember.execute(inputs, context("uid-1", RememberTool.NAME));
    ToolResult again = remember.execute(inputs, context("uid-1", RememberTool.NAME));
    ToolResult otherRun = remember.execute(inputs, context("uid-2", RememberTool.NAME));

    assertThat(first.outputs())
        .containsEntry("id", 1L)
        .containsEntry("conversation", "supplier-2048");
    assertThat(again.outputs()).isEqualTo(first.outputs());
    assertThat(again.provenanceHash()).isEqualTo(first.provenanceHash());
    assertThat(otherRun.outputs()).containsEntry("id", 2L);
    assertThat(memory.entries).hasSize(2);
    assertThat(memory.entries.get(0).content().get("content").get("level").asText())
        .isEqualTo("low");
    assertThat(memory.entries.get(0).content().get("recordedBy").get("taskId").asText())
        .isEqualTo("uid-1/remember/1");
  }

  @Test
  void forgetDeletesTheEntryAndForgettingItAgainSucceeds() {
    remember.execute(Map.of("content", "noted"), context("uid-1", RememberTool.NAME));

    ToolResult deleted = forget.execute(Map.of("id", 1), context("uid-1", ForgetTool.NAME));
    ToolResult absent = forget.execute(Map.of("id", "1"), context("uid-1", ForgetTool.NAME));

    assertThat(deleted.outputs()).containsEntry("id", 1L).containsEntry("deleted", true);
    assertThat(absent.outputs()).containsEntry("id", 1L).containsEntry("deleted", false);
    assertThat(memory.entries).isEmpty();
  }

  @Test
  void badInputsAndDisabledMemoryAreNamed() {
    assertThatThrownBy(() -> forget.execute(Map.of("id", "x"), context("u", ForgetTool.NAME)))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.reason()).isEqualTo("InvalidInput"))
        .hasMessage("input 'id' \"x\" is not a decimal number");
    assertThatThrownBy(() -> forget.execute(Map.of("id", "1.5"), context("u", ForgetTool.NAME)))
        .hasMessage("input 'id' must be a whole number (a memory entry id), was 1.5");
    assertThatThrownBy(() -> remember.execute(Map.of(), context("u", RememberTool.NAME)))
        .hasMessage("input 'content' is required");
    assertThatThrownBy(
            () ->
                remember.execute(
                    Map.of("content", "x", "conversation", "a:b"), context("u", RememberTool.NAME)))
        .hasMessageStartingWith("input 'conversation' 'a:b' is invalid");
    assertThatThrownBy(
            () ->
                remember.execute(
                    Map.of("content", "x"),
                    Contexts.context(
                        "u", "s", RememberTool.NAME, Map.of(), new MemoryInTests(false))))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.reason()).isEqualTo("LongTermMemoryDisabled"));
  }
}
