package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.operator.events.EventReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one pass of the orchestration did, for the reconciler to turn into Kubernetes Events and
 * metrics: events with typed reasons, attempt outcomes, finished steps, started compensations,
 * applied results and the run's end.
 */
final class RunTrail {
  /** A Kubernetes Event to record. */
  record Event(EventReason reason, String message) {}

  /** A step that reached its final phase, and how long it took from its first dispatch. */
  record FinishedStep(RunPhase phase, Duration duration) {}

  final List<Event> events = new ArrayList<>();
  final List<String> attemptOutcomes = new ArrayList<>();
  final List<FinishedStep> finishedSteps = new ArrayList<>();
  final List<String> appliedTaskIds = new ArrayList<>();
  int compensationsStarted;
  RunPhase finished;

  void event(EventReason reason, String message) {
    events.add(new Event(reason, message));
  }
}
