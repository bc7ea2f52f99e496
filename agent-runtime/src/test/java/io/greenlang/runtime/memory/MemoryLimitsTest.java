package io.greenlang.runtime.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.greenlang.crds.agent.AgentMemory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MemoryLimitsTest {

  @Test
  void theCrdDefaultsApplyWhereTheSpecSetsNothing() {
    assertThat(MemoryLimits.of(null))
        .isEqualTo(new MemoryLimits(Duration.ofHours(1), 100, true, Duration.ofDays(90), 10_000));
    AgentMemory memory = new AgentMemory();
    memory.setShortTermTtlSeconds(null);
    memory.setLongTermMaxEntries(7);
    memory.setLongTermEnabled(false);
    assertThat(MemoryLimits.of(memory))
        .isEqualTo(new MemoryLimits(Duration.ofHours(1), 100, false, Duration.ofDays(90), 7));
  }

  @Test
  void impossibleLimitsNameTheSpecField() {
    AgentMemory memory = new AgentMemory();
    memory.setLongTermMaxEntries(-1);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MemoryLimits.of(memory))
        .withMessage("spec.memory.longTermMaxEntries must not be negative");
  }

  @Test
  void conversationIdsFitIntoAKeyName() {
    assertThat(ConversationId.requireValid("run-42.step_1@intake"))
        .isEqualTo("run-42.step_1@intake");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ConversationId.requireValid("x".repeat(200)))
        .withMessageContaining("...")
        .withMessageContaining("1 to 128 characters");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ConversationId.requireValid(null))
        .withMessageStartingWith("conversation is missing");
  }
}
