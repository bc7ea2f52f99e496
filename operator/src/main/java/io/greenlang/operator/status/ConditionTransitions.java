package io.greenlang.operator.status;

import io.greenlang.crds.common.Condition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns freshly computed conditions into the list to store: a condition whose status did not change
 * keeps its lastTransitionTime, so an unchanged resource produces an identical status and no write.
 */
public final class ConditionTransitions {
  private ConditionTransitions() {}

  /**
   * Merges {@code desired} (without times) over {@code previous}, stamping {@code now} only on
   * conditions whose status changed or that are new.
   */
  public static List<Condition> merge(
      List<Condition> previous, List<Condition> desired, Instant now, Long generation) {
    List<Condition> merged = new ArrayList<>(desired.size());
    for (Condition wanted : desired) {
      Condition next = copy(wanted);
      next.setObservedGeneration(generation);
      Condition before = find(previous, wanted.getType());
      boolean statusUnchanged = before != null && before.getStatus() == wanted.getStatus();
      next.setLastTransitionTime(
          statusUnchanged && before.getLastTransitionTime() != null
              ? before.getLastTransitionTime()
              : now.truncatedTo(ChronoUnit.SECONDS).toString());
      merged.add(next);
    }
    return merged;
  }

  private static Condition find(List<Condition> conditions, String type) {
    if (conditions == null) {
      return null;
    }
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  private static Condition copy(Condition c) {
    return new Condition(c.getType(), c.getStatus(), c.getReason(), c.getMessage());
  }
}
