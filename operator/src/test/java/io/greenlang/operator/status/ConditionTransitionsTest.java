package io.greenlang.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionTransitionsTest {
  private static final Instant EARLIER = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant NOW = Instant.parse("2026-01-01T11:00:00.123Z");

  @Test
  void newConditionsAreStampedWithNow() {
    var merged =
        ConditionTransitions.merge(
            null, List.of(new Condition("Ready", ConditionStatus.True, "Ready", "ok")), NOW, 3L);

    assertThat(merged.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T11:00:00Z");
    assertThat(merged.get(0).getObservedGeneration()).isEqualTo(3L);
  }

  @Test
  void unchangedStatusKeepsItsTransitionTimeEvenWhenTheMessageChanges() {
    Condition before = new Condition("Ready", ConditionStatus.False, "ConnectionFailed", "old");
    before.setLastTransitionTime(EARLIER.toString());

    var merged =
        ConditionTransitions.merge(
            List.of(before),
            List.of(new Condition("Ready", ConditionStatus.False, "Timeout", "new")),
            NOW,
            1L);

    assertThat(merged.get(0).getLastTransitionTime()).isEqualTo(EARLIER.toString());
    assertThat(merged.get(0).getMessage()).isEqualTo("new");
  }

  @Test
  void changedStatusGetsANewTransitionTime() {
    Condition before = new Condition("Ready", ConditionStatus.False, "ConnectionFailed", "down");
    before.setLastTransitionTime(EARLIER.toString());

    var merged =
        ConditionTransitions.merge(
            List.of(before),
            List.of(new Condition("Ready", ConditionStatus.True, "Ready", "up")),
            NOW,
            1L);

    assertThat(merged.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T11:00:00Z");
  }

  @Test
  void statusChangeIgnoresNothingThatWouldBeSerialised() {
    Condition a = new Condition("Ready", ConditionStatus.True, "Ready", "ok");
    Condition b = new Condition("Ready", ConditionStatus.True, "Ready", "ok");
    assertThat(StatusChange.differs(a, b)).isFalse();
    b.setMessage("other");
    assertThat(StatusChange.differs(a, b)).isTrue();
    assertThat(StatusChange.differs(null, a)).isTrue();
  }
}
